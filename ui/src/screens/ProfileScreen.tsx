// The shop profile, later: all three groups of the first run on one page, one "save" button. Whatever is
// left unsaved is saved when the owner goes to another screen (never lost, never asked about).
import { t } from '../i18n';
import { formDirty, saveProfile, savingProfile } from '../state';
import { ContactFields, PlaceFields, WorkFields } from './ProfileFields';

export function ProfileScreen() {
  const submit = (e: Event) => {
    e.preventDefault();
    void saveProfile();
  };
  return (
    <section class="step screen screen-profile" aria-labelledby="step-title">
      <form onSubmit={submit} noValidate>
        <div class="step-head">
          <h1 id="step-title" tabIndex={-1}>
            {t('profileTitle')}
          </h1>
        </div>
        <p class="lead">{t('profileLead')}</p>
        <section class="sc-card pf-section" aria-labelledby="pf-contact">
          <h2 id="pf-contact">{t('sectionContact')}</h2>
          <ContactFields />
        </section>
        <section class="sc-card pf-section" aria-labelledby="pf-place">
          <h2 id="pf-place">{t('sectionPlace')}</h2>
          <PlaceFields />
        </section>
        <section class="sc-card pf-section" aria-labelledby="pf-work">
          <h2 id="pf-work">{t('sectionWork')}</h2>
          <WorkFields />
        </section>
        <div class="screen-actions">
          {formDirty.value && (
            <p class="hint" data-testid="profile-unsaved" role="status">
              {t('profileUnsaved')}
            </p>
          )}
          <button
            type="submit"
            class="btn btn-primary btn-big"
            data-testid="profile-save"
            disabled={savingProfile.value}
          >
            {t('profileSave')}
          </button>
        </div>
      </form>
    </section>
  );
}
