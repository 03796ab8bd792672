// The AI helper's settings, a form placed in the Settings screen: on/off, the OpenAI-compatible address, the
// model and the API key. The key field is a password field that is never filled in (the key never reaches the
// window): an empty field keeps the stored key, a typed one replaces it, "delete" removes it when saved (so a
// slip can still be taken back before saving). Off by default; everything else in the app works without it.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { ai, loadAi, saveAi } from '../state';

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

  useEffect(() => { void loadAi(); }, []);
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
    if (ok) { setKey(''); setDeleteKey(false); setTouched(false); }
  };

  return (
    <form class="ai-settings" data-testid="ai-settings" data-loaded={s ? 'true' : 'false'} onSubmit={(e) => void save(e)} aria-labelledby="ai-settings-title">
      <h2 id="ai-settings-title">{t('aiSettingsTitle')}</h2>
      <p class="hint">{t('aiSettingsHelp')}</p>
      <label class="check-line">
        <input type="checkbox" data-testid="ai-enabled" checked={enabled} onChange={(e) => { setTouched(true); setEnabled(e.currentTarget.checked); }} />
        <span>{t('aiEnabled')}</span>
      </label>
      <label class="field field-wide">
        <span class="field-label">{t('aiBaseUrl')}</span>
        <input type="url" data-testid="ai-base-url" value={baseUrl} placeholder="http://127.0.0.1:11434/v1" spellcheck={false}
          autocomplete="off" onInput={(e) => { setTouched(true); setBaseUrl(e.currentTarget.value); }} />
        <span class="field-help">{t('aiBaseUrlHelp')}</span>
      </label>
      <label class="field field-wide">
        <span class="field-label">{t('aiModel')}</span>
        <input type="text" data-testid="ai-model" value={model} placeholder="gemma3" spellcheck={false} autocomplete="off"
          onInput={(e) => { setTouched(true); setModel(e.currentTarget.value); }} />
      </label>
      <div class="field field-wide">
        <label class="field-label" for="ai-key-input">{t('aiKey')}</label>
        <p class="ai-key-state">
          <span data-testid="ai-has-key" data-has-key={s?.hasKey ? 'true' : 'false'} class={s?.hasKey ? 'has-key' : 'no-key'}>
            {s?.hasKey ? `🔒 ${t('aiHasKey')}` : t('aiNoKey')}
          </span>
          {s?.hasKey && !deleteKey && (
            <button type="button" class="link" data-testid="ai-key-delete" onClick={() => setDeleteKey(true)}>{t('aiKeyDelete')}</button>
          )}
          {deleteKey && (
            <span class="ai-key-delete-note">
              {t('aiKeyWillDelete')}{' '}
              <button type="button" class="link" onClick={() => setDeleteKey(false)}>{t('aiKeyKeep')}</button>
            </span>
          )}
        </p>
        <input id="ai-key-input" type="password" data-testid="ai-key" value={key} autocomplete="new-password" spellcheck={false}
          disabled={deleteKey} placeholder={s?.hasKey ? t('aiKeyNew') : ''} onInput={(e) => setKey(e.currentTarget.value)} />
        <span class="field-help">{t('aiKeyHelp')}</span>
      </div>
      <button type="submit" class="btn" data-testid="ai-save" disabled={saving}>{t('aiSave')}</button>
    </form>
  );
}
