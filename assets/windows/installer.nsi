; 공방포스트 (Gongbang Post) — the Windows installer (NSIS 3, Unicode, Modern UI 2).
;
; Built by scripts/build-windows.sh, which copies this script, the icon and the payload into a staging folder
; and runs makensis there. Korean first (English second); installs for the current user without an
; administrator prompt into %LOCALAPPDATA%\Programs\GongbangPost; a desktop shortcut and a Start-menu entry
; named 공방포스트; an entry in Windows' installed apps (HKCU ...\Uninstall\kr.gongbang.post); installing over
; an older version runs the old uninstaller silently first; the uninstaller removes the program, the shortcuts
; and the entry and never touches the owner's library (%LOCALAPPDATA%\kr.gongbang.post).
;
; Defines (makensis -D...):
;   VERSION   the version shown in the installed-apps list (required; build-windows.sh reads tauri.conf.json)
;   OUTFILE   where the installer is written (default: GongbangPost_<VERSION>_x64-setup.exe beside this script)
; The staging folder beside this script holds: payload\ (the installed files), payload-files.nsh (their list,
; for the uninstaller), icon.ico.
;
; Silent: setup.exe /S installs without questions; uninstall.exe /S removes without questions.

; A 64-bit installer (Debian's NSIS ships the amd64-unicode stubs and plugins): the app is x64-only, it runs
; natively on x64 Windows (no 32-bit WoW64 layer, which Wine also needs for 32-bit programs), and it reads the
; registry's 64-bit view.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is not defined: makensis -DVERSION=x.y.z installer.nsi"
!endif
!ifndef OUTFILE
  !define OUTFILE "${__FILEDIR__}\GongbangPost_${VERSION}_x64-setup.exe"
!endif
!define STAGE "${__FILEDIR__}"

!define APP_ID "kr.gongbang.post"
!define APP_NAME "공방포스트"
!define APP_NAME_EN "Gongbang Post"
!define APP_EXE "gongbang-post.exe"
!define PUBLISHER "Gongbang Post"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define UNINST_EXE "uninstall.exe"
; Microsoft's Evergreen WebView2 runtime (the product code Microsoft documents for the runtime's version check).
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_PAGE "https://developer.microsoft.com/microsoft-edge/webview2/"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "${APP_NAME} (${APP_NAME_EN})"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\GongbangPost"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME} (${APP_NAME_EN})"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} 설치 / ${APP_NAME_EN} Setup"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT"

; --- Modern UI ---------------------------------------------------------------------------------------------
!define MUI_ICON "${STAGE}\icon.ico"
!define MUI_UNICON "${STAGE}\icon.ico"
!define MUI_ABORTWARNING
; The language dialog (shown only when Windows is not in Korean, Korean preselected) and its answer, kept in the
; app's uninstall entry so the uninstaller speaks the same language.
!define MUI_LANGDLL_REGISTRY_ROOT "HKCU"
!define MUI_LANGDLL_REGISTRY_KEY "${UNINST_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "Installer Language"
!define MUI_LANGDLL_WINDOWTITLE "설치 언어 / Installer Language"
!define MUI_LANGDLL_INFO "설치 화면의 언어를 고르세요.$\r$\nPlease select the installer's language."

!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunApp)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Korean first: the first language is the default.
!insertmacro MUI_LANGUAGE "Korean"
!insertmacro MUI_LANGUAGE "English"
; NSIS's Korean language file asks for Gulim (굴림), an old bitmap-era face; Malgun Gothic (맑은 고딕) is the
; Windows 10/11 Korean UI font, present on every install.
SetFont /LANG=${LANG_KOREAN} "Malgun Gothic" 9
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString RunApp ${LANG_KOREAN} "공방포스트 시작하기"
LangString RunApp ${LANG_ENGLISH} "Start Gongbang Post"
LangString OldVersion ${LANG_KOREAN} "이전 버전을 지우는 중 (사진 보관함은 그대로 둡니다)…"
LangString OldVersion ${LANG_ENGLISH} "Removing the previous version (the photo library is kept)…"
LangString OldVersionFailed ${LANG_KOREAN} "이전 버전을 지우지 못했습니다. 공방포스트가 실행 중이면 닫고 다시 설치하세요."
LangString OldVersionFailed ${LANG_ENGLISH} "Could not remove the previous version. If Gongbang Post is running, close it and run the setup again."
LangString AppRunning ${LANG_KOREAN} "공방포스트가 실행 중입니다. 공방포스트를 닫고 [다시 시도]를 누르세요."
LangString AppRunning ${LANG_ENGLISH} "Gongbang Post is running. Close it, then click Retry."
LangString KeptLibrary ${LANG_KOREAN} "사진 보관함은 지우지 않았습니다: $LOCALAPPDATA\${APP_ID}"
LangString KeptLibrary ${LANG_ENGLISH} "The photo library was kept: $LOCALAPPDATA\${APP_ID}"

; The WebView2 message is in both languages, Korean first, whatever the installer's language.
!define WEBVIEW2_MESSAGE "공방포스트 창을 그리는 데 필요한 Microsoft WebView2 런타임이 이 PC에 없습니다.$\r$\n$\r$\n\
해결 방법:$\r$\n\
1. Microsoft WebView2 페이지(${WEBVIEW2_PAGE})에서$\r$\n\
   'Evergreen Bootstrapper'를 내려받아 실행하고 설치를 마치세요.$\r$\n\
2. 그다음 공방포스트를 시작하세요.$\r$\n$\r$\n\
[예]를 누르면 다운로드 페이지를 엽니다.$\r$\n$\r$\n\
The Microsoft WebView2 Runtime, which draws Gongbang Post's window, is not installed on this PC.$\r$\n\
Download and run the $\"Evergreen Bootstrapper$\" from ${WEBVIEW2_PAGE},$\r$\n\
then start Gongbang Post. [Yes] opens the download page."

; Waits until the app in DIR is closed: a running .exe cannot be opened for writing, so its files could not be
; replaced or removed. Retry or cancel (silent: cancel, exit status 2).
!macro WAIT_APP_CLOSED DIR
  ${If} ${FileExists} "${DIR}\${APP_EXE}"
    ${Do}
      ClearErrors
      FileOpen $9 "${DIR}\${APP_EXE}" a
      ${IfNot} ${Errors}
        FileClose $9
        ${Break}
      ${EndIf}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY +3
      SetErrorLevel 2
      Quit
    ${Loop}
  ${EndIf}
!macroend

; --- Functions ---------------------------------------------------------------------------------------------
Function .onInit
  SetShellVarContext current
  StrCpy $LANGUAGE ${LANG_KOREAN}
  ${IfNot} ${Silent}
    System::Call 'kernel32::GetUserDefaultUILanguage() i .r0'
    ${If} $0 != ${LANG_KOREAN}
      !insertmacro MUI_LANGDLL_DISPLAY
    ${EndIf}
  ${EndIf}
FunctionEnd

; Echoes 1 in $0 when the Evergreen WebView2 runtime is registered (machine-wide or for this user), else 0.
Function HasWebView2
  StrCpy $0 0
  SetRegView 64
  ReadRegStr $1 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  SetRegView lastused
  ${If} $1 == ""
  ${OrIf} $1 == "0.0.0.0"
    ReadRegStr $1 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $1 != ""
  ${AndIf} $1 != "0.0.0.0"
    StrCpy $0 1
  ${EndIf}
FunctionEnd

; An older installation (any version) is removed by its own uninstaller, silently and in place, so none of
; its files linger and Windows lists one entry. The library is not the uninstaller's to touch.
Function RemoveOldVersion
  ReadRegStr $R0 HKCU "${UNINST_KEY}" "InstallLocation"
  ${If} $R0 == ""
    Return
  ${EndIf}
  ${IfNot} ${FileExists} "$R0\${UNINST_EXE}"
    Return
  ${EndIf}
  !insertmacro WAIT_APP_CLOSED "$R0"
  DetailPrint "$(OldVersion)"
  ClearErrors
  ExecWait '"$R0\${UNINST_EXE}" /S _?=$R0' $R1
  ${If} ${Errors}
  ${OrIf} $R1 != 0
    MessageBox MB_OK|MB_ICONSTOP "$(OldVersionFailed)" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  ; With _?= the uninstaller runs from its own folder and cannot delete itself: do it here.
  Delete "$R0\${UNINST_EXE}"
  RMDir "$R0"
FunctionEnd

; --- Install -----------------------------------------------------------------------------------------------
Section "!${APP_NAME}" SecMain
  SectionIn RO
  SetShellVarContext current
  Call RemoveOldVersion

  SetOutPath "$INSTDIR"
  File /r "${STAGE}\payload\*.*"
  WriteUninstaller "$INSTDIR\${UNINST_EXE}"

  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME} (${APP_NAME_EN})"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINST_EXE}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINST_EXE}" /S'
  WriteRegStr HKCU "${UNINST_KEY}" "Installer Language" "$LANGUAGE"
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"

  ; Tell the owner now, in Korean, if the app could not open its window (silent installs are for admins/tests).
  ${IfNot} ${Silent}
    Call HasWebView2
    ${If} $0 == 0
      MessageBox MB_YESNO|MB_ICONEXCLAMATION "${WEBVIEW2_MESSAGE}" IDNO +2
      ExecShell "open" "${WEBVIEW2_PAGE}"
    ${EndIf}
  ${EndIf}
SectionEnd

; --- Uninstall ---------------------------------------------------------------------------------------------
Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  !insertmacro WAIT_APP_CLOSED "$INSTDIR"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"

  ; Only the files this version installed (listed by build-windows.sh), never a recursive delete: the folder
  ; might have been chosen by hand, and the library lives elsewhere (%LOCALAPPDATA%\kr.gongbang.post).
  !include "${STAGE}\payload-files.nsh"
  Delete "$INSTDIR\${UNINST_EXE}"
  RMDir "$INSTDIR"

  DeleteRegKey HKCU "${UNINST_KEY}"
  DetailPrint "$(KeptLibrary)"
SectionEnd
