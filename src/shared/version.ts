/** The app's version; tests/unit/version.test.ts keeps it equal to package.json's. */
export const APP_VERSION = '0.1.0';
