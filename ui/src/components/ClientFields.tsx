// One customer's fields — name, other names, whether its work may be posted (in plain words) and a note — shared by
// the job step's "add a customer" form and the customers screen, so both ask the same thing the same way.
import type { Ref } from 'preact';
import type { Client, ClientInput, Policy } from '../backend';
import { policyKey, t } from '../i18n';

const POLICIES: Policy[] = ['public', 'ask', 'never'];

/** What the owner is typing, before it is saved. */
export interface ClientDraft {
  name: string;
  aliases: string;
  policy: Policy;
  note: string;
}

/** The draft a form starts from: the customer as saved, or a new one whose work is asked about first. */
export function draftOf(client: Client | null): ClientDraft {
  return {
    name: client?.name ?? '',
    aliases: client?.aliases.join(', ') ?? '',
    policy: client?.policy ?? 'ask',
    note: client?.note ?? '',
  };
}

/** The draft as the backend takes it: trimmed, other names split at any comma an owner might type. */
export function inputOf(id: number | null, d: ClientDraft): ClientInput {
  return {
    id,
    name: d.name.trim(),
    aliases: d.aliases
      .split(/[,，、]/)
      .map((a) => a.trim())
      .filter(Boolean),
    policy: d.policy,
    note: d.note.trim(),
  };
}

export function ClientFields({
  prefix,
  draft,
  onChange,
  missing,
  nameRef,
}: {
  /** `client` in the job step, `customer` on the customers screen: the test ids and the radio group's name. */
  prefix: string;
  draft: ClientDraft;
  onChange: (d: ClientDraft) => void;
  /** The name was left empty on save. */
  missing: boolean;
  nameRef?: Ref<HTMLInputElement>;
}) {
  const set = (patch: Partial<ClientDraft>) => onChange({ ...draft, ...patch });
  return (
    <>
      <label class="field">
        <span class="field-label">{t('clientName')}</span>
        <input
          type="text"
          data-testid={`${prefix}-name`}
          ref={nameRef}
          value={draft.name}
          placeholder={t('clientNamePh')}
          aria-invalid={missing && !draft.name.trim()}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
        {missing && !draft.name.trim() && (
          <span class="field-error" role="alert">
            {t('clientNameMissing')}
          </span>
        )}
      </label>
      <label class="field">
        <span class="field-label">{t('clientAliases')}</span>
        <input
          type="text"
          data-testid={`${prefix}-aliases`}
          value={draft.aliases}
          placeholder={t('clientAliasesPh')}
          onInput={(e) => set({ aliases: e.currentTarget.value })}
        />
      </label>
      <fieldset class="policy-choice">
        <legend class="field-label">{t('clientPolicy')}</legend>
        {POLICIES.map((p) => (
          <label key={p} class={`policy-option policy-${p}${draft.policy === p ? ' is-selected' : ''}`}>
            <input
              type="radio"
              name={`${prefix}-policy`}
              value={p}
              data-testid={`${prefix}-policy-${p}`}
              checked={draft.policy === p}
              onChange={() => set({ policy: p })}
            />
            <span class="policy-text">
              <strong>{t(policyKey[p].name)}</strong>
              <span>{t(policyKey[p].desc)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span class="field-label">{t('clientNote')}</span>
        <input
          type="text"
          data-testid={`${prefix}-note`}
          value={draft.note}
          placeholder={t('clientNotePh')}
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
      </label>
    </>
  );
}
