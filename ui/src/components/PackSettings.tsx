// 설정 → 템플릿 묶음 / Template packs: bring in a mentor's or a club's pack (the OS dialog is shown by Rust), see
// what it changes before anything is installed ("설치" / "취소"), answer once whether to trust a new author
// (name and key fingerprint), see and remove the installed packs, and make a pack of the shop's own edited
// files for others. Every check is Rust's; this only shows and asks.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  type AppError,
  type ExportedPack,
  exportPack,
  type InstalledPack,
  installedPacks,
  installPack,
  type PackFileChange,
  type PickedPack,
  pickPack,
  previewPack,
  removePack,
  toAppError,
} from '../backend';
import { errorText, type Key, t } from '../i18n';
import { loadLessons, packOpened } from '../state';

const CHANGE: Record<PackFileChange['change'], Key> = {
  new: 'packChangeNew',
  replaces_builtin: 'packChangeBuiltin',
  replaces_pack: 'packChangePack',
  hidden_by_owner: 'packChangeHidden',
};

export function PackSettings() {
  const list = useSignal<InstalledPack[]>([]);
  const picked = useSignal<PickedPack | null>(null);
  const asking = useSignal(false);
  const busy = useSignal(false);
  const done = useSignal<string | null>(null);
  const exported = useSignal<ExportedPack | null>(null);
  const failure = useSignal<AppError | null>(null);
  const packName = useSignal('');

  const refresh = async () => {
    list.value = await installedPacks();
  };
  const run = async (fn: () => Promise<void>) => {
    busy.value = true;
    failure.value = null;
    done.value = null;
    try {
      await fn();
    } catch (e) {
      failure.value = toAppError(e);
    } finally {
      busy.value = false;
    }
  };
  useEffect(() => {
    void run(async () => {
      await refresh();
      // A pack opened from the club folder (the review screen): its preview, to install or cancel.
      const path = packOpened.peek();
      if (path) {
        packOpened.value = null;
        picked.value = await previewPack(path);
      }
    });
  }, []);

  const choose = () =>
    run(async () => {
      exported.value = null;
      asking.value = false;
      picked.value = await pickPack();
    });
  const install = (trust: boolean) =>
    run(async () => {
      const p = picked.value;
      if (!p) return;
      if (!p.preview.trusted && !trust) {
        asking.value = true;
        return;
      }
      const installed = await installPack(p.path, trust);
      picked.value = null;
      asking.value = false;
      done.value = t('packInstalled', { name: installed.name });
      await refresh();
      await loadLessons();
    });
  const remove = (p: InstalledPack) =>
    run(async () => {
      await removePack(p.id);
      done.value = t('packRemoved', { name: p.name });
      await refresh();
      await loadLessons();
    });
  const make = () =>
    run(async () => {
      picked.value = null;
      exported.value = await exportPack(packName.value);
    });

  const p = picked.value?.preview;
  return (
    <div data-testid="packs-section">
      <h2 id="settings-packs">{t('packsTitle')}</h2>
      <p class="hint">{t('packsHelp')}</p>
      <div class="sc-actions">
        <button type="button" class="btn btn-primary" data-testid="pack-pick" disabled={busy.value} onClick={choose}>
          {t('packPick')}
        </button>
      </div>
      {p && (
        <div class="pack-preview" data-testid="pack-preview" data-id={p.id}>
          <h3>{p.name}</h3>
          <p data-testid="pack-author">
            {t('packAuthor', { name: p.author.name, fp: p.author.fingerprint })}
            {p.trusted ? ` · ${t('packTrusted')}` : ''}
          </p>
          {p.installed && <p class="hint">{t('packAlready')}</p>}
          <ul class="pack-files">
            {p.files.map((f) => (
              <li key={f.path} data-testid="pack-file" data-path={f.path} data-change={f.change}>
                <code>{f.path}</code> — {t(CHANGE[f.change], { other: f.otherPack ?? '' })}
              </li>
            ))}
            {p.keywords.map((k) => (
              <li key={`${k.group}-${k.lang}`} data-testid="pack-keywords">
                {t('packKeywords', { group: k.group, words: k.added.join(', ') })}
              </li>
            ))}
            {p.weights.map((w) => (
              <li key={w.check} data-testid="pack-weight" data-check={w.check}>
                {t(w.hiddenByOwner ? 'packWeightHidden' : 'packWeight', { check: w.check, from: w.from, to: w.to })}
              </li>
            ))}
          </ul>
          {asking.value ? (
            <div class="pack-trust" role="alertdialog" aria-labelledby="pack-trust-q" data-testid="pack-trust">
              <p id="pack-trust-q">
                <strong>{t('packTrustQuestion')}</strong>
              </p>
              <p>{t('packTrustWho', { name: p.author.name, fp: p.author.fingerprint })}</p>
              {p.knownNameOtherKey && <p class="warn">{t('packTrustSameName', { name: p.author.name })}</p>}
              <div class="sc-actions">
                <button
                  type="button"
                  class="btn btn-primary"
                  data-testid="pack-trust-yes"
                  disabled={busy.value}
                  onClick={() => void install(true)}
                >
                  {t('packTrustYes')}
                </button>
                <button
                  type="button"
                  class="btn"
                  data-testid="pack-trust-no"
                  onClick={() => {
                    asking.value = false;
                    picked.value = null;
                  }}
                >
                  {t('packTrustNo')}
                </button>
              </div>
            </div>
          ) : (
            <div class="sc-actions">
              <button
                type="button"
                class="btn btn-primary"
                data-testid="pack-install"
                disabled={busy.value}
                onClick={() => void install(false)}
              >
                {t('packInstall')}
              </button>
              <button type="button" class="btn" data-testid="pack-cancel" onClick={() => (picked.value = null)}>
                {t('packCancel')}
              </button>
            </div>
          )}
        </div>
      )}
      {done.value && (
        <p class="ok" role="status" data-testid="pack-done">
          {done.value}
        </p>
      )}
      {failure.value && (
        <p class="error-text" role="alert" data-testid="pack-error" data-code={failure.value.code}>
          {errorText(failure.value)}
        </p>
      )}
      <h3>{t('packsInstalled')}</h3>
      {list.value.length === 0 ? (
        <p class="hint" data-testid="packs-none">
          {t('packsNone')}
        </p>
      ) : (
        <ul class="pack-list">
          {list.value.map((x) => (
            <li key={x.id} data-testid="pack-installed" data-id={x.id}>
              <span>
                <strong>{x.name}</strong> — {x.author.name} ({x.author.fingerprint})
              </span>
              <button
                type="button"
                class="btn"
                data-testid="pack-remove"
                disabled={busy.value}
                onClick={() => void remove(x)}
              >
                {t('packRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('packMakeTitle')}</h3>
      <p class="hint">{t('packMakeHelp')}</p>
      <label class="field">
        <span>{t('packMakeName')}</span>
        <input
          type="text"
          data-testid="pack-name"
          value={packName.value}
          onInput={(e) => (packName.value = (e.target as HTMLInputElement).value)}
        />
      </label>
      <div class="sc-actions">
        <button type="button" class="btn" data-testid="pack-export" disabled={busy.value} onClick={() => void make()}>
          {t('packMake')}
        </button>
      </div>
      {exported.value && (
        <p class="ok" role="status" data-testid="pack-exported">
          {t('packMade', { file: exported.value.path })}
        </p>
      )}
    </div>
  );
}
