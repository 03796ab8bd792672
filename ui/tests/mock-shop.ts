// Mock of the shop profile, calendar, history and reminder commands for the Playwright build; shares state
// through mockCore (mock-backend.ts).
export {};
