// Step 2, 작업 정보: the job's facts in large fields. Material and process offer the trade's presets but
// take any text. Saved quietly while typing (debounced) and when leaving the step. Below the facts: whose
// part it is (our own product or a customer's job), which the leak guard needs.

import type { JobFields, Preset } from '../backend';
import { OwnerPicker } from '../components/OwnerPicker';
import { type Key, presetLabel, t } from '../i18n';
import { chooseJobProduct, editJob, flushJob, job, jobProductId, jobSave, presets, products } from '../state';

interface FieldDef {
  field: keyof JobFields;
  testid: string;
  label: Key;
  ph: Key;
  list?: 'materials' | 'processes';
  span2?: boolean;
}

const FIELDS: FieldDef[] = [
  { field: 'material', testid: 'job-material', label: 'fMaterial', ph: 'fMaterialPh', list: 'materials' },
  { field: 'process', testid: 'job-process', label: 'fProcess', ph: 'fProcessPh', list: 'processes' },
  { field: 'machine', testid: 'job-machine', label: 'fMachine', ph: 'fMachinePh' },
  { field: 'tolerance', testid: 'job-tolerance', label: 'fTolerance', ph: 'fTolerancePh' },
  { field: 'finish', testid: 'job-finish', label: 'fFinish', ph: 'fFinishPh', span2: true },
  { field: 'quantity', testid: 'job-quantity', label: 'fQuantity', ph: 'fQuantityPh' },
  { field: 'leadTime', testid: 'job-lead-time', label: 'fLeadTime', ph: 'fLeadTimePh' },
];

function Options({ id, items }: { id: string; items: Preset[] }) {
  return (
    <datalist id={id}>
      {items.map((p) => (
        <option key={p.value} value={p.value} label={presetLabel(p) !== p.value ? presetLabel(p) : undefined} />
      ))}
    </datalist>
  );
}

export function JobStep() {
  const j = job.value;
  if (!j) return null;
  const ps = presets.value;
  const save = jobSave.value;
  const onBlur = () => void flushJob();
  return (
    <section class="step step-job" aria-labelledby="step-title">
      <div class="step-head">
        <h1 id="step-title" tabIndex={-1}>
          {t('jobTitle')}
        </h1>
        <span class={`save-state is-${save}`} data-testid="job-save-state" aria-live="polite">
          {save === 'saving' ? t('saving') : save === 'saved' ? `✓ ${t('saved')}` : ''}
        </span>
      </div>
      <p class="lead">{t('jobHelp')}</p>
      <form class="job-form" onSubmit={(e) => e.preventDefault()}>
        <label class="field field-wide">
          <span class="field-label">{t('fTitle')}</span>
          <input
            type="text"
            class="input-big"
            data-testid="job-title"
            value={j.title}
            placeholder={t('fTitlePh')}
            onInput={(e) => editJob('title', e.currentTarget.value)}
            onBlur={onBlur}
          />
        </label>
        {FIELDS.map((f) => (
          <label class={`field${f.span2 ? ' field-span2' : ''}`} key={f.field}>
            <span class="field-label">{t(f.label)}</span>
            <input
              type="text"
              data-testid={f.testid}
              value={j[f.field]}
              placeholder={t(f.ph)}
              list={f.list ? `list-${f.list}` : undefined}
              title={f.list ? t('listHint') : undefined}
              onInput={(e) => editJob(f.field, e.currentTarget.value)}
              onBlur={onBlur}
            />
          </label>
        ))}
        <label class="field field-wide">
          <span class="field-label">{t('fStory')}</span>
          <textarea
            data-testid="job-story"
            rows={4}
            value={j.story}
            placeholder={t('fStoryPh')}
            onInput={(e) => editJob('story', e.currentTarget.value)}
            onBlur={onBlur}
          />
        </label>
      </form>
      <ProductPicker />
      <OwnerPicker />
      <Options id="list-materials" items={ps.materials} />
      <Options id="list-processes" items={ps.processes} />
    </section>
  );
}

/** Which of the shop's products this job belongs to (none by default); the library groups jobs by it. */
function ProductPicker() {
  const cur = jobProductId.value;
  // An archived product shows only for the job that belongs to it.
  const list = products.value.filter((p) => !p.archived || p.id === cur);
  const shown = cur !== null && !list.some((p) => p.id === cur) ? [{ id: cur, name: `#${cur}` }, ...list] : list;
  return (
    <section class="job-product" aria-labelledby="job-product-title">
      <label class="field">
        <span class="field-label" id="job-product-title">
          {t('jobProduct')}
        </span>
        <select
          data-testid="job-product"
          value={cur === null ? '' : String(cur)}
          onChange={(e) => void chooseJobProduct(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
        >
          <option value="">{t('jobProductNone')}</option>
          {shown.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {list.length === 0 && <p class="hint">{t('jobProductHint')}</p>}
    </section>
  );
}
