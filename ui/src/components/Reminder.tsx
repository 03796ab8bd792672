// The gentle nudge on start: when the weekly goal is behind, or when jobs have photos but no post yet
// ("이 작업은 아직 글이 없어요"), up to three of them with a thumbnail; one click opens that job. Closable; it
// stays closed until the next start. Never shown for the job already open.
import { t } from '../i18n';
import { dismissReminder, job, openJobFromReminder, reminderDismissed, reminderInfo } from '../state';

export function Reminder() {
  const r = reminderInfo.value;
  if (!r || reminderDismissed.value) return null;
  const jobs = r.jobsWithoutPost.filter((j) => j.jobId !== job.value?.id);
  if (!r.behind && jobs.length === 0) return null;
  const shown = jobs.slice(0, 3);
  return (
    <aside class="reminder" data-testid="reminder" data-behind={r.behind} aria-labelledby="reminder-title">
      <div class="reminder-head">
        <h2 id="reminder-title" class="reminder-title">
          {t('reminderTitle')}
        </h2>
        <button
          type="button"
          class="btn btn-secondary btn-small"
          data-testid="reminder-dismiss"
          onClick={dismissReminder}
        >
          {t('close')}
        </button>
      </div>
      {r.behind && (
        <p class="reminder-behind" data-testid="reminder-behind">
          {t('reminderBehind', { n: r.thisWeek, goal: r.goalPerWeek })}
        </p>
      )}
      {shown.length > 0 && (
        <>
          <p class="reminder-jobs-label">{t('reminderJobs')}</p>
          <ul class="reminder-jobs">
            {shown.map((j) => {
              const title = j.title.trim() || t('untitled');
              return (
                <li key={j.jobId}>
                  <button
                    type="button"
                    class="reminder-job"
                    data-testid="reminder-job"
                    data-job-id={j.jobId}
                    aria-label={`${t('reminderOpen', { title })} (${t('reminderPhotos', { n: j.photoCount })})`}
                    onClick={() => void openJobFromReminder(j.jobId)}
                  >
                    {j.thumbUrl ? (
                      <img src={j.thumbUrl} alt="" class="reminder-thumb" />
                    ) : (
                      <span class="reminder-thumb is-empty" aria-hidden="true" />
                    )}
                    <span class="reminder-job-text">
                      <span class="reminder-job-title">{title}</span>
                      <span class="reminder-job-meta">{t('reminderPhotos', { n: j.photoCount })}</span>
                    </span>
                    <span class="reminder-go" aria-hidden="true">
                      →
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
          {jobs.length > shown.length && <p class="hint">{t('reminderMore', { n: jobs.length - shown.length })}</p>}
        </>
      )}
    </aside>
  );
}
