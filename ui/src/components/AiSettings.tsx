// The AI helper's settings, a form placed in the Settings screen: on/off, the OpenAI-compatible address, the
// model and the API key. The key field is a password field that is never filled in (the key never reaches the
// window): an empty field keeps the stored key, a typed one replaces it, "delete" removes it when saved (so a
// slip can still be taken back before saving). Off by default; everything else in the app works without it.
// Issue 10: a plain http:// address gets a word that the link is not encrypted (the backend accepts it only
// for this PC or the shop's network and refuses a public host with `ai_insecure`), and the saved key is
// bound to the address it was saved for: typing another address says the key will not go there, and after
// saving it `hasKey` is false, so the form asks for that address's key.
import { useEffect, useState } from 'preact/hooks';
import { pick, t } from '../i18n';
import { originOf } from '../origin';
import { ai, loadAi, saveAi } from '../state';

const isPlainHttp = (url: string) => /^http:\/\//i.test(url.trim());
const hostOf = (origin: string) => origin.replace(/^https?:\/\//i, '');

export function AiSettings() {
  const s = ai.value;
  const [enabled, setEnabled] = useState(false);
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [key, setKey] = useState('');
  const [deleteKey, setDeleteKey] = useState(false);
  const [saving, setSaving] = useState(false);
  // Once the owner has typed or ticked something, stored values arriving late never overwrite it.
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    void loadAi();
  }, []);
  // Show what is stored whenever it arrives (on opening, after a save).
  useEffect(() => {
    if (!s || touched) return;
    setEnabled(s.enabled);
    setBaseUrl(s.baseUrl);
    setModel(s.model);
  }, [s]);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    const apiKey = deleteKey ? '' : key.trim() ? key.trim() : null;
    const ok = await saveAi({ enabled, baseUrl: baseUrl.trim(), model: model.trim() }, apiKey);
    setSaving(false);
    if (ok) {
      setKey('');
      setDeleteKey(false);
      setTouched(false);
    }
  };

  // The key is bound to the saved address: another address typed here will not get it.
  const savedOrigin = s?.baseUrl ? originOf(s.baseUrl) : null;
  const typedOrigin = originOf(baseUrl);
  const keyStaysBehind = !!s?.hasKey && !!savedOrigin && !!typedOrigin && typedOrigin !== savedOrigin && !deleteKey;

  return (
    <form
      class="ai-settings"
      data-testid="ai-settings"
      data-loaded={s ? 'true' : 'false'}
      onSubmit={(e) => void save(e)}
      aria-labelledby="ai-settings-title"
    >
      <h2 id="ai-settings-title">{t('aiSettingsTitle')}</h2>
      <p class="hint">{t('aiSettingsHelp')}</p>
      <label class="check-line">
        <input
          type="checkbox"
          data-testid="ai-enabled"
          checked={enabled}
          onChange={(e) => {
            setTouched(true);
            setEnabled(e.currentTarget.checked);
          }}
        />
        <span>{t('aiEnabled')}</span>
      </label>
      <label class="field field-wide">
        <span class="field-label">{t('aiBaseUrl')}</span>
        <input
          type="url"
          data-testid="ai-base-url"
          value={baseUrl}
          placeholder="http://127.0.0.1:11434/v1"
          spellcheck={false}
          autocomplete="off"
          onInput={(e) => {
            setTouched(true);
            setBaseUrl(e.currentTarget.value);
          }}
        />
        <span class="field-help">{t('aiBaseUrlHelp')}</span>
        {isPlainHttp(baseUrl) && (
          <span class="field-help ai-plain-http" data-testid="ai-plain-http" role="note">
            ⚠{' '}
            {pick(
              '암호화되지 않은 연결입니다 — 이 PC나 가게 안 네트워크의 서버(Ollama 등)에만 쓰세요. 인터넷의 서버는 https:// 주소라야 합니다.',
              "This link is not encrypted — use it only for a server on this PC or the shop's own network (Ollama, …). A server on the internet needs an https:// address.",
            )}
          </span>
        )}
      </label>
      <label class="field field-wide">
        <span class="field-label">{t('aiModel')}</span>
        <input
          type="text"
          data-testid="ai-model"
          value={model}
          placeholder="gemma3"
          spellcheck={false}
          autocomplete="off"
          onInput={(e) => {
            setTouched(true);
            setModel(e.currentTarget.value);
          }}
        />
      </label>
      <div class="field field-wide">
        <label class="field-label" for="ai-key-input">
          {t('aiKey')}
        </label>
        <p class="ai-key-state">
          <span
            data-testid="ai-has-key"
            data-has-key={s?.hasKey ? 'true' : 'false'}
            class={s?.hasKey ? 'has-key' : 'no-key'}
          >
            {s?.hasKey ? `🔒 ${t('aiHasKey')}` : t('aiNoKey')}
            {s?.hasKey && savedOrigin && (
              <span data-testid="ai-key-host">
                {' '}
                · {pick(`${hostOf(savedOrigin)} 에만 보냅니다`, `sent to ${hostOf(savedOrigin)} only`)}
              </span>
            )}
          </span>
          {s?.hasKey && !deleteKey && (
            <button type="button" class="link" data-testid="ai-key-delete" onClick={() => setDeleteKey(true)}>
              {t('aiKeyDelete')}
            </button>
          )}
          {deleteKey && (
            <span class="ai-key-delete-note">
              {t('aiKeyWillDelete')}{' '}
              <button type="button" class="link" onClick={() => setDeleteKey(false)}>
                {t('aiKeyKeep')}
              </button>
            </span>
          )}
        </p>
        <input
          id="ai-key-input"
          type="password"
          data-testid="ai-key"
          value={key}
          autocomplete="new-password"
          spellcheck={false}
          disabled={deleteKey}
          placeholder={s?.hasKey ? t('aiKeyNew') : ''}
          onInput={(e) => setKey(e.currentTarget.value)}
        />
        <span class="field-help">{t('aiKeyHelp')}</span>
        {keyStaysBehind && (
          <span class="field-help ai-key-other-host" data-testid="ai-key-other-host" role="note">
            {pick(
              `저장된 키는 ${hostOf(savedOrigin ?? '')} 에만 보냅니다. 새 주소에 키가 필요하면 그 주소의 키를 여기에 넣어 주세요.`,
              `The saved key is sent to ${hostOf(savedOrigin ?? '')} only. If the new address needs a key, enter that address's key here.`,
            )}
          </span>
        )}
        {!keyStaysBehind && s && !s.hasKey && s.enabled && savedOrigin && (
          <span class="field-help" data-testid="ai-key-ask">
            {pick(
              `${hostOf(savedOrigin)} 에 쓸 키가 저장되어 있지 않습니다. 키가 필요한 서버라면 넣어 주세요 (Ollama는 필요 없습니다).`,
              `No key is saved for ${hostOf(savedOrigin)}. If this server needs one, enter it (Ollama does not).`,
            )}
          </span>
        )}
      </div>
      <button type="submit" class="btn" data-testid="ai-save" disabled={saving}>
        {t('aiSave')}
      </button>
    </form>
  );
}
