// Turns whatever a failed command rejected with into the contract's AppError, so the UI always has a calm
// Korean and English message to show. Kept apart from backend.ts (and free of Tauri) so the test mock
// shares the exact same behaviour.
import type { AppError } from './backend';

export function isAppError(e: unknown): e is AppError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as AppError).messageKo === 'string' &&
    typeof (e as AppError).messageEn === 'string'
  );
}

/** Any rejection becomes an AppError; the raw value goes to the console only, never to the screen. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return { code: String(e.code ?? 'error'), messageKo: e.messageKo, messageEn: e.messageEn };
  console.error('backend error', e);
  return {
    code: 'unexpected',
    messageKo: '뜻밖의 문제가 생겼습니다. 잠시 뒤에 다시 해 보세요.',
    messageEn: 'Something unexpected went wrong. Please try again in a moment.',
  };
}
