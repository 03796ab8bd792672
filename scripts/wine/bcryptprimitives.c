/* Test-only stand-in for Windows' bcryptprimitives.dll, which Wine 8 (Debian 12) lacks.
 * Rust's std (1.78 and newer) takes its random numbers from ProcessPrng there; real Windows 10 and 11 ship the
 * DLL, so this file is never installed with the app: scripts/wine-prefix.sh puts it into a throw-away Wine
 * prefix only. RtlGenRandom (SystemFunction036 in advapi32) is Wine's own secure random source. */
#include <windows.h>

#define RtlGenRandom SystemFunction036
BOOLEAN NTAPI RtlGenRandom(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
