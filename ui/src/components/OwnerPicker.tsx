// "이 부품은 누구 것인가요?" in the job step: our own product, or a customer's job with the customer picked from
// the shop's list (or added on the spot, with the customer's policy in plain words). What the owner picks goes
// to the backend at once; the effective rule the leak guard will apply is shown underneath.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { pick, policyKey, t } from '../i18n';
import { clients, guard, job, ownerPending, saveClient, setOwner } from '../state';
import { type ClientDraft, ClientFields, draftOf, inputOf } from './ClientFields';

function ClientForm({ onDone }: { onDone: () => void }) {
  const [draft, setDraft] = useState<ClientDraft>(() => draftOf(null));
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const nameField = useRef<HTMLInputElement>(null);
  // The name field has the cursor as soon as the form exists (before the next keystroke can land elsewhere).
  useLayoutEffect(() => {
    nameField.current?.focus();
  }, []);
  async function submit(e: Event) {
    e.preventDefault();
    if (!draft.name.trim()) {
      setMissing(true);
      return;
    }
    setSaving(true);
    const saved = await saveClient(inputOf(null, draft));
    setSaving(false);
    if (saved) onDone();
  }
  return (
    <form
      class="client-form"
      data-testid="client-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="client-form-title"
    >
      <h3 id="client-form-title">{t('clientFormTitle')}</h3>
      <ClientFields prefix="client" draft={draft} onChange={setDraft} missing={missing} nameRef={nameField} />
      <div class="form-actions">
        <button type="submit" class="btn btn-accent-outline" data-testid="client-save" disabled={saving}>
          {t('clientSave')}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

export function OwnerPicker() {
  const j = job.value;
  const [adding, setAdding] = useState(false);
  if (!j) return null;
  const list = clients.value;
  const g = guard.value?.jobId === j.id ? guard.value : null;
  const kind = ownerPending.value ? 'client' : j.ownerKind;
  const showForm = kind === 'client' && (adding || list.length === 0);
  // The rule in force is the backend's verdict; a customer chosen here but not yet picked changes nothing.
  const policy = g && g.ownerKind !== null ? g.policy : null;
  return (
    <section class="owner" aria-labelledby="owner-title">
      <h2 id="owner-title">{t('ownerTitle')}</h2>
      <p class="hint">{t('ownerHelp')}</p>
      <div class="owner-choice" role="radiogroup" aria-labelledby="owner-title">
        <label class={`owner-option${kind === 'own' ? ' is-selected' : ''}`}>
          <input
            type="radio"
            name="owner-kind"
            data-testid="owner-own"
            checked={kind === 'own'}
            onChange={() => {
              setAdding(false);
              void setOwner('own', null);
            }}
          />
          <span class="policy-text">
            <strong>{t('ownerOwn')}</strong>
            <span>{t('ownerOwnDesc')}</span>
          </span>
        </label>
        <label class={`owner-option${kind === 'client' ? ' is-selected' : ''}`}>
          <input
            type="radio"
            name="owner-kind"
            data-testid="owner-client"
            checked={kind === 'client'}
            onChange={() => void setOwner('client', j.clientId)}
          />
          <span class="policy-text">
            <strong>{t('ownerClient')}</strong>
            <span>{t('ownerClientDesc')}</span>
          </span>
        </label>
      </div>
      {kind === 'client' && (
        <div class="client-pick">
          <div class="client-row">
            {list.length > 0 && (
              <label class="field">
                <span class="field-label">{t('clientLabel')}</span>
                <select
                  data-testid="client-select"
                  value={j.clientId === null ? '' : String(j.clientId)}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    if (v) void setOwner('client', Number(v));
                  }}
                >
                  <option value="" disabled>
                    {t('clientChoose')}
                  </option>
                  {list.map((c) => (
                    <option key={c.id} value={String(c.id)}>
                      {c.name} · {t(policyKey[c.policy].name)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button
              type="button"
              class="btn btn-secondary"
              data-testid="client-add"
              aria-expanded={showForm}
              onClick={() => {
                setAdding(true);
              }}
            >
              <span aria-hidden="true">＋ </span>
              {t('clientAdd')}
            </button>
          </div>
          {ownerPending.value && !showForm && <p class="hint">{t('ownerPendingHint')}</p>}
          {showForm && <ClientForm onDone={() => setAdding(false)} />}
        </div>
      )}
      <p class="effective-policy" data-testid="effective-policy" data-policy={policy ?? 'unset'}>
        <span class="field-label">{t('effectivePolicy')}: </span>
        {policy === null ? (
          <span>{t('policyUnset')}</span>
        ) : (
          <span class={`policy-badge policy-${policy}`}>{t(policyKey[policy].name)}</span>
        )}
        {policy && g?.client && <span class="effective-client"> · {g.client.name}</span>}
        {policy && g?.client?.note && <span class="effective-note"> · {g.client.note}</span>}
      </p>
      {policy !== null && g && !g.canExport && g.reasonKo && <p class="hint">{pick(g.reasonKo, g.reasonEn)}</p>}
    </section>
  );
}
