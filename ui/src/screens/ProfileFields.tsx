// The shop profile's fields in three groups (contact; place and online; machines and capabilities), shared by
// the first run (one group per screen) and the profile screen (all three). Every field is a plain labelled
// input; the machines are big toggle sc-chips (aria-pressed) with a field for the owner's own words.

import type { Corner } from '../backend';
import { type Key, presetLabel, t } from '../i18n';
import {
  chooseLogo,
  corners,
  editForm,
  editWatermark,
  form,
  logoShown,
  type ProfileForm,
  presets,
  removeLogo,
  splitWords,
  toggleEquipment,
  toggleMaterial,
  watermarkSizes,
} from '../state';

type TextKey = Exclude<keyof ProfileForm, 'equipment' | 'watermark'>;

function Field(props: {
  k: TextKey;
  testid: string;
  label: Key;
  ph?: Key;
  help?: Key;
  type?: 'text' | 'tel' | 'email' | 'url';
  autoFocus?: boolean;
  big?: boolean;
  autocomplete?: string;
}) {
  const id = `pf-${props.k}`;
  const helpId = props.help ? `${id}-help` : undefined;
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {t(props.label)}
      </label>
      {props.help && (
        <p class="hint" id={helpId}>
          {t(props.help)}
        </p>
      )}
      <input
        id={id}
        type={(props.type ?? 'text') as 'text'}
        class={props.big ? 'input-big' : undefined}
        data-testid={props.testid}
        value={form.value[props.k]}
        placeholder={props.ph ? t(props.ph) : undefined}
        aria-describedby={helpId}
        autocomplete={props.autocomplete ?? 'off'}
        spellcheck={false}
        onInput={(e) => editForm({ [props.k]: (e.currentTarget as HTMLInputElement).value })}
      />
    </div>
  );
}

export function ContactFields() {
  return (
    <div class="pf-grid">
      <Field k="name" testid="profile-name" label="pfName" ph="pfNamePh" big autocomplete="organization" />
      <Field k="owner" testid="profile-owner" label="pfOwner" ph="pfOwnerPh" autocomplete="name" />
      <Field k="phone" testid="profile-phone" label="pfPhone" ph="pfPhonePh" type="tel" autocomplete="tel" />
      <Field k="email" testid="profile-email" label="pfEmail" ph="pfEmailPh" type="email" autocomplete="email" />
    </div>
  );
}

/** Region keywords as text, with the words it makes shown as sc-chips below (what the posts will use). */
export function PlaceFields() {
  const regions = splitWords(form.value.regions);
  return (
    <div class="pf-grid">
      <div class="pf-wide">
        <Field k="address" testid="profile-address" label="pfAddress" ph="pfAddressPh" autocomplete="street-address" />
      </div>
      <div class="pf-wide">
        <Field k="regions" testid="profile-regions" label="pfRegions" ph="pfRegionsPh" help="pfRegionsHelp" />
        {regions.length > 0 && (
          <ul class="word-chips" aria-label={t('pfRegions')}>
            {regions.map((r) => (
              <li key={r} class="word-chip" data-testid="region-chip">
                {r}
              </li>
            ))}
          </ul>
        )}
      </div>
      <Field k="website" testid="profile-website" label="pfWebsite" ph="pfWebsitePh" type="url" />
      <Field k="kakao" testid="profile-kakao" label="pfKakao" ph="pfKakaoPh" type="url" />
    </div>
  );
}

export function WorkFields({ withLogo = true }: { withLogo?: boolean }) {
  const f = form.value;
  const mats = splitWords(f.materials);
  return (
    <div class="pf-work">
      <fieldset class="pf-set">
        <legend class="field-label">{t('pfEquipment')}</legend>
        <p class="hint">{t('pfEquipmentHelp')}</p>
        <div class="sc-chips" role="group" aria-label={t('pfEquipment')}>
          {(presets.value.equipment ?? []).map((p) => {
            const on = f.equipment.includes(p.value);
            return (
              <button
                key={p.value}
                type="button"
                class={`sc-chip${on ? ' is-on' : ''}`}
                data-testid="profile-equipment"
                data-value={p.value}
                aria-pressed={on}
                onClick={() => toggleEquipment(p.value)}
              >
                <span class="sc-chip-tick" aria-hidden="true">
                  {on ? '✓' : '+'}
                </span>
                {presetLabel(p)}
              </button>
            );
          })}
        </div>
        <Field k="equipmentOwn" testid="profile-equipment-own" label="pfEquipmentOwn" ph="pfEquipmentOwnPh" />
      </fieldset>

      <fieldset class="pf-set">
        <legend class="sr-only">{t('pfMaterials')}</legend>
        <Field k="materials" testid="profile-materials" label="pfMaterials" ph="pfMaterialsPh" help="pfMaterialsHelp" />
        <div class="sc-chips" role="group" aria-label={t('pfMaterials')}>
          {presets.value.materials.map((p) => {
            const on = mats.includes(p.value);
            return (
              <button
                key={p.value}
                type="button"
                class={`sc-chip sc-chip-small${on ? ' is-on' : ''}`}
                data-testid="profile-material-chip"
                data-value={p.value}
                aria-pressed={on}
                title={presetLabel(p)}
                onClick={() => toggleMaterial(p.value)}
              >
                <span class="sc-chip-tick" aria-hidden="true">
                  {on ? '✓' : '+'}
                </span>
                {p.value}
              </button>
            );
          })}
        </div>
      </fieldset>

      <fieldset class="pf-set">
        <legend class="field-label">{t('pfCapabilities')}</legend>
        <div class="pf-grid pf-grid-3">
          <Field k="tolerance" testid="profile-tolerance" label="pfTolerance" ph="pfTolerancePh" />
          <Field k="sizes" testid="profile-sizes" label="pfSizes" ph="pfSizesPh" />
          <Field k="lotSizes" testid="profile-lots" label="pfLots" ph="pfLotsPh" />
        </div>
      </fieldset>

      {withLogo && <LogoField />}
    </div>
  );
}

export function LogoField() {
  const logo = logoShown.value;
  return (
    <fieldset class="pf-set pf-logo">
      <legend class="field-label">{t('pfLogo')}</legend>
      <div class="pf-logo-row">
        {logo ? (
          <img class="pf-logo-img" src={logo} alt={t('pfLogoAlt')} data-testid="profile-logo" />
        ) : (
          <p class="hint" data-testid="profile-logo-none">
            {t('pfLogoNone')}
          </p>
        )}
        <button
          type="button"
          class="btn btn-secondary"
          data-testid="profile-logo-pick"
          onClick={() => void chooseLogo()}
        >
          {logo ? t('pfLogoChange') : t('pfLogoPick')}
        </button>
        {logo && (
          <button type="button" class="btn btn-secondary" data-testid="profile-logo-clear" onClick={removeLogo}>
            {t('pfLogoRemove')}
          </button>
        )}
      </div>
      {logo && <WatermarkFields logo={logo} />}
    </fieldset>
  );
}

const cornerKey: Record<Corner, Key> = {
  topLeft: 'wmTopLeft',
  topRight: 'wmTopRight',
  bottomLeft: 'wmBottomLeft',
  bottomRight: 'wmBottomRight',
};
const sizeKey: Record<(typeof watermarkSizes)[number]['key'], Key> = {
  small: 'wmSmall',
  medium: 'wmMedium',
  large: 'wmLarge',
};

/** The logo mark: on/off, corner, size, opacity, with a live preview on a stand-in photo. */
function WatermarkFields({ logo }: { logo: string }) {
  const wm = form.value.watermark;
  const previewH = 150;
  const side = Math.round((previewH * wm.sizePercent) / 100);
  const margin = Math.max(4, Math.round(previewH * 0.03));
  const place = {
    [wm.corner.startsWith('top') ? 'top' : 'bottom']: `${margin}px`,
    [wm.corner.endsWith('Left') ? 'left' : 'right']: `${margin}px`,
  };
  return (
    <div class="wm" data-testid="watermark">
      <label class="wm-on">
        <input
          type="checkbox"
          data-testid="watermark-on"
          checked={wm.on}
          onChange={(e) => editWatermark({ on: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('wmOn')}
      </label>
      <p class="hint">{t('wmHelp')}</p>
      {wm.on && (
        <div class="wm-controls">
          <div class="wm-settings">
            <fieldset class="wm-group">
              <legend class="field-label">{t('wmCorner')}</legend>
              <div class="wm-corners" role="group" aria-label={t('wmCorner')}>
                {corners.map((c) => (
                  <button
                    key={c}
                    type="button"
                    class={`sc-chip sc-chip-small${wm.corner === c ? ' is-on' : ''}`}
                    data-testid="watermark-corner"
                    data-value={c}
                    aria-pressed={wm.corner === c}
                    onClick={() => editWatermark({ corner: c })}
                  >
                    {t(cornerKey[c])}
                  </button>
                ))}
              </div>
            </fieldset>
            <fieldset class="wm-group">
              <legend class="field-label">{t('wmSize')}</legend>
              <div class="sc-chips" role="group" aria-label={t('wmSize')}>
                {watermarkSizes.map((s) => (
                  <button
                    key={s.key}
                    type="button"
                    class={`sc-chip sc-chip-small${wm.sizePercent === s.percent ? ' is-on' : ''}`}
                    data-testid="watermark-size"
                    data-value={s.percent}
                    aria-pressed={wm.sizePercent === s.percent}
                    onClick={() => editWatermark({ sizePercent: s.percent })}
                  >
                    {t(sizeKey[s.key])}
                  </button>
                ))}
              </div>
            </fieldset>
            <div class="field">
              <label class="field-label" for="wm-opacity">
                {t('wmOpacity')} <span data-testid="watermark-opacity-value">{wm.opacityPercent}%</span>
              </label>
              <input
                id="wm-opacity"
                type="range"
                min={10}
                max={100}
                step={10}
                data-testid="watermark-opacity"
                value={wm.opacityPercent}
                onInput={(e) => editWatermark({ opacityPercent: Number((e.currentTarget as HTMLInputElement).value) })}
              />
            </div>
          </div>
          <div class="wm-preview" data-testid="watermark-preview" role="img" aria-label={t('wmPreview')}>
            <img
              src={logo}
              alt=""
              data-testid="watermark-preview-logo"
              style={{ ...place, maxWidth: `${side}px`, maxHeight: `${side}px`, opacity: wm.opacityPercent / 100 }}
            />
          </div>
        </div>
      )}
      <p class="hint">{t('wmBoxes')}</p>
    </div>
  );
}
