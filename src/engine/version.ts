/** The game's version, written into every session file (a test keeps it equal to package.json's). */
export const APP_VERSION = '0.2.0';
