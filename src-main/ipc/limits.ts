/** Limits shared by the contract (main side) and the screens, kept free of zod for the renderer. */

/** Long enough that a guess is hopeless: the store file may be copied off a lost laptop. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** 256 MiB: a review package with every applicant's PDFs, with room to spare */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
