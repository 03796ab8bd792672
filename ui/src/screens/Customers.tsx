// The customers in the library: the list on the left; the one picked on the right — its name, other names, whether
// its work may be posted (in plain words) and a note, saved with save_client (the core logs every change), then
// its jobs and the record of what changed.
import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../backend';
import { type ClientDraft, ClientFields, draftOf, inputOf } from '../components/ClientFields';
import { lang, policyKey, t } from '../i18n';
import { clientDetail, clients, saveCustomer, selectClient, selectedClientId } from '../state';
import { JobCardView } from './LibraryScreen';

export function Customers() {
  const list = clients.value;
  const sel = selectedClientId.value;
  return (
    <div class="customers">
      <div class="customers-list">
        <button
          type="button"
          class="btn btn-secondary"
          data-testid="customer-new"
          onClick={() => void selectClient('new')}
        >
          <span aria-hidden="true">＋ </span>
          {t('clientAdd')}
        </button>
        {list.length === 0 ? (
          <p class="empty">{t('customersEmpty')}</p>
        ) : (
          <ul>
            {list.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  class={`customer-row${sel === c.id ? ' is-current' : ''}`}
                  data-testid="customer-row"
                  data-client-id={c.id}
                  data-policy={c.policy}
                  aria-pressed={sel === c.id}
                  onClick={() => void selectClient(c.id)}
                >
                  <span class="customer-row-name">{c.name}</span>
                  <span class={`customer-row-policy policy-${c.policy}`}>{t(policyKey[c.policy].name)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="customers-detail">
        {sel === null ? (
          <p class="hint customers-pick">{t('customersLead')}</p>
        ) : sel === 'new' ? (
          <CustomerForm key="new" client={null} />
        ) : (
          <CustomerDetail id={sel} />
        )}
      </div>
    </div>
  );
}

function CustomerDetail({ id }: { id: number }) {
  const d = clientDetail.value;
  if (!d || d.client.id !== id) return <p class="loading">{t('loading')}</p>;
  return (
    <>
      <CustomerForm key={d.client.id} client={d.client} />
      <section class="sc-card customer-jobs" aria-labelledby="customer-jobs-title">
        <h2 id="customer-jobs-title">{t('customerJobs')}</h2>
        {d.jobs.length === 0 ? (
          <p class="hint">{t('customerNoJobs')}</p>
        ) : (
          <ul class="lib-grid lib-grid-small" data-testid="customer-jobs">
            {d.jobs.map((c) => (
              <JobCardView key={c.id} c={c} actions={false} />
            ))}
          </ul>
        )}
      </section>
      <section class="sc-card customer-changes" aria-labelledby="customer-changes-title">
        <h2 id="customer-changes-title">{t('customerChanges')}</h2>
        {d.changes.length === 0 ? (
          <p class="hint">{t('customerNoChanges')}</p>
        ) : (
          <ul class="customer-change-list">
            {d.changes.map((ch, i) => (
              <li key={i} data-testid="customer-change">
                <span class="customer-change-at">{fmtTime(ch.at)}</span>
                <span>{ch.what}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function fmtTime(iso: string) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang.value === 'ko' ? 'ko-KR' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function CustomerForm({ client }: { client: Client | null }) {
  const [draft, setDraft] = useState<ClientDraft>(() => draftOf(client));
  const [missing, setMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setDraft(draftOf(client));
  }, [client]);
  async function submit(e: Event) {
    e.preventDefault();
    if (!draft.name.trim()) {
      setMissing(true);
      return;
    }
    setSaving(true);
    await saveCustomer(inputOf(client?.id ?? null, draft));
    setSaving(false);
  }
  return (
    <form
      class="sc-card customer-form"
      data-testid="customer-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="customer-form-title"
    >
      <h2 id="customer-form-title">{client ? client.name : t('clientFormTitle')}</h2>
      <ClientFields prefix="customer" draft={draft} onChange={setDraft} missing={missing} />
      <div class="form-actions">
        <button type="submit" class="btn btn-accent-outline" data-testid="customer-save" disabled={saving}>
          {t('clientSave')}
        </button>
      </div>
    </form>
  );
}
