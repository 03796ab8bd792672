// Mock of the coach commands (coach_post, apply_fix) and the AI helper (ai_settings, save_ai_settings,
// ai_rewrite, cancel_ai) for the Playwright build; shares state through mockCore (mock-backend.ts).
export {};
