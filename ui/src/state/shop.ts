// The shop profile: loaded on start (the first run shows while it was never saved), edited as a form and saved
// with one button (the profile screen also saves what is pending when the owner leaves it). List fields are
// edited as text ("문래동, 영등포구") and turned into lists only when saved, so typing a comma never jumps.
// Removing the logo is undoable: it disappears at once and is cleared in the backend after the undo window.
import { computed, signal } from '@preact/signals';
import type { Corner, LogoWatermark, ShopProfile } from '../backend';
import * as api from '../backend';
import { t } from '../i18n';
import { attempt, presets, showToast, toast } from './core';

/** The profile as the backend has it (null until loaded). */
export const profile = signal<ShopProfile | null>(null);
/** True once the start-up load finished (or failed: a failure never blocks the window behind a first run). */
export const shopReady = signal(false);
export const showFirstRun = computed(() => !!profile.value && !profile.value.saved);
/** The first run's screen, 1–3. */
export const firstRunScreen = signal<1 | 2 | 3>(1);

/** The form being edited: the profile's fields with the lists as text. */
export interface ProfileForm {
  name: string;
  owner: string;
  phone: string;
  email: string;
  address: string;
  regions: string;
  website: string;
  kakao: string;
  equipment: string[];
  equipmentOwn: string;
  materials: string;
  tolerance: string;
  sizes: string;
  lotSizes: string;
  /** The logo mark on blog photos and the thumbnail (saved with the profile). */
  watermark: LogoWatermark;
}
/** The mark as a new profile has it: off, bottom right, 15 % of the short side, 80 % opaque. */
export const defaultWatermark = (): LogoWatermark => ({
  on: false,
  corner: 'bottomRight',
  sizePercent: 15,
  opacityPercent: 80,
});
/** The three sizes offered (the logo's longest side as a percentage of the photo's short side). */
export const watermarkSizes = [
  { key: 'small', percent: 10 },
  { key: 'medium', percent: 15 },
  { key: 'large', percent: 22 },
] as const;
export const corners: Corner[] = ['topLeft', 'topRight', 'bottomLeft', 'bottomRight'];
export const form = signal<ProfileForm>(toForm(null));
const savedForm = signal<ProfileForm>(toForm(null));
export const formDirty = computed(() => JSON.stringify(form.value) !== JSON.stringify(savedForm.value));
export const savingProfile = signal(false);
/** The logo shown (null while a removal waits in the undo window). */
export const logoShown = computed(() => (logoRemoving.value ? null : (profile.value?.logoDataUrl ?? null)));
const logoRemoving = signal(false);

/** Split "문래동, 영등포구 · 양평동" into words (comma, Korean comma, middle dot, new line), no repeats. */
export function splitWords(s: string): string[] {
  return [
    ...new Set(
      s
        .split(/[,，、·\n]/)
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
}
function joinWords(xs: string[]) {
  return xs.join(', ');
}
function presetEquipment() {
  return new Set(presets.value.equipment?.map((p) => p.value) ?? []);
}

function toForm(p: ShopProfile | null): ProfileForm {
  const known = presetEquipment();
  const eq = p?.equipment ?? [];
  return {
    name: p?.name ?? '',
    owner: p?.owner ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    address: p?.address ?? '',
    regions: joinWords(p?.regionKeywords ?? []),
    website: p?.website ?? '',
    kakao: p?.kakao ?? '',
    equipment: eq.filter((e) => known.has(e)),
    equipmentOwn: joinWords(eq.filter((e) => !known.has(e))),
    materials: joinWords(p?.materials ?? []),
    tolerance: p?.tolerance ?? '',
    sizes: p?.sizes ?? '',
    lotSizes: p?.lotSizes ?? '',
    watermark: { ...defaultWatermark(), ...(p?.watermark ?? {}) },
  };
}
function fromForm(f: ProfileForm): ShopProfile {
  return {
    name: f.name,
    owner: f.owner,
    phone: f.phone,
    email: f.email,
    address: f.address,
    regionKeywords: splitWords(f.regions),
    website: f.website,
    kakao: f.kakao,
    equipment: [...new Set([...f.equipment, ...splitWords(f.equipmentOwn)])],
    materials: splitWords(f.materials),
    tolerance: f.tolerance,
    sizes: f.sizes,
    lotSizes: f.lotSizes,
    watermark: f.watermark,
    logoDataUrl: profile.value?.logoDataUrl ?? null,
    saved: profile.value?.saved ?? false,
  };
}
function accept(p: ShopProfile) {
  profile.value = p;
  const f = toForm(p);
  form.value = f;
  savedForm.value = f;
}

export async function loadProfile() {
  const p = await attempt(api.shopProfile);
  if (p) accept(p);
  shopReady.value = true;
}
/** Re-read the form from the profile (the presets may have arrived after the profile). */
export function resetForm() {
  if (profile.value) accept(profile.value);
}

export function editForm(patch: Partial<ProfileForm>) {
  form.value = { ...form.value, ...patch };
}
/** Change the logo mark (saved with the profile's save button, or when the owner leaves the screen). */
export function editWatermark(patch: Partial<LogoWatermark>) {
  editForm({ watermark: { ...form.value.watermark, ...patch } });
}
export function toggleEquipment(value: string) {
  const eq = form.value.equipment;
  editForm({ equipment: eq.includes(value) ? eq.filter((e) => e !== value) : [...eq, value] });
}
export function toggleMaterial(value: string) {
  const list = splitWords(form.value.materials);
  editForm({ materials: joinWords(list.includes(value) ? list.filter((m) => m !== value) : [...list, value]) });
}

/** Save the form; `quiet` skips the "saved" note (leaving the screen, skipping the first run). */
export async function saveProfile(quiet = false): Promise<boolean> {
  savingProfile.value = true;
  const p = await attempt(() => api.saveShopProfile(fromForm(form.value)));
  savingProfile.value = false;
  if (!p) return false;
  // Keep what the owner typed meanwhile; only the saved copy and the profile follow the backend.
  const typed = form.value;
  accept(p);
  if (JSON.stringify(typed) !== JSON.stringify(toForm(p))) form.value = typed;
  if (!quiet) showToast(t('profileSaved'));
  return true;
}
export async function saveIfDirty() {
  if (formDirty.value) await saveProfile(true);
}

// ---- first run ----
export function firstRunNext() {
  if (firstRunScreen.value < 3) firstRunScreen.value = (firstRunScreen.value + 1) as 2 | 3;
}
export function firstRunBack() {
  if (firstRunScreen.value > 1) firstRunScreen.value = (firstRunScreen.value - 1) as 1 | 2;
}
/** The last screen's button: save and start. */
export async function finishFirstRun() {
  if (await saveProfile(true)) showToast(t('firstRunDone'));
}
/** "나중에 할게요": save what is there (the profile then counts as saved) and go to work. */
export async function skipFirstRun() {
  if (await saveProfile(true)) showToast(t('firstRunSkipped'));
}

// ---- logo ----
let logoTimer: ReturnType<typeof setTimeout> | undefined;
export async function chooseLogo() {
  await commitLogoRemoval();
  const p = await attempt(api.pickLogo);
  if (p) profile.value = { ...p, saved: profile.value?.saved ?? p.saved };
}
export function removeLogo() {
  if (!profile.value?.logoDataUrl) return;
  logoRemoving.value = true;
  clearTimeout(logoTimer);
  logoTimer = setTimeout(() => void commitLogoRemoval(), 12_000);
  showToast(t('logoRemoved'), () => {
    clearTimeout(logoTimer);
    logoRemoving.value = false;
    toast.value = null;
    showToast(t('undone'));
  });
}
/** Clear the logo in the backend if a removal is waiting (the undo window ended or the owner moved on). */
export async function commitLogoRemoval() {
  if (!logoRemoving.value) return;
  clearTimeout(logoTimer);
  const p = await attempt(api.clearLogo);
  logoRemoving.value = false;
  if (p && profile.value) profile.value = { ...profile.value, logoDataUrl: p.logoDataUrl };
}
window.addEventListener('pagehide', () => {
  void commitLogoRemoval();
});
