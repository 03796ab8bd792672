// A plain list of the shop's jobs (newest first) in a modal dialog; picking one opens it.
import { useEffect, useRef } from 'preact/hooks';
import { lang, t } from '../i18n';
import { job, jobList, loadJobList, switchJob } from '../state';

export function JobPicker({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    void loadJobList();
  }, []);
  const list = jobList.value;
  const fmt = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime())
      ? iso
      : d.toLocaleDateString(lang.value === 'ko' ? 'ko-KR' : 'en-GB', {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
        });
  };
  return (
    <dialog ref={ref} class="dialog" data-testid="job-list" aria-labelledby="job-list-title" onClose={onClose}>
      <div class="dialog-head">
        <h2 id="job-list-title">{t('jobsTitle')}</h2>
        <button type="button" class="btn btn-secondary" onClick={() => ref.current?.close()}>
          {t('close')}
        </button>
      </div>
      {list === null ? (
        <p>{t('loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('jobsEmpty')}</p>
      ) : (
        <ul class="job-list">
          {list.map((j) => (
            <li key={j.id}>
              <button
                type="button"
                class={`job-item${j.id === job.value?.id ? ' is-current' : ''}`}
                data-testid="job-item"
                data-job-id={j.id}
                onClick={() => {
                  ref.current?.close();
                  void switchJob(j.id);
                }}
              >
                <span class="job-item-title">{j.title.trim() || t('untitled')}</span>
                <span class="job-item-meta">{[j.material, j.process].filter(Boolean).join(' · ')}</span>
                <span class="job-item-date">{fmt(j.updatedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </dialog>
  );
}
