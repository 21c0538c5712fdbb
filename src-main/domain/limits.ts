/** Limits the main process enforces and the screens show; free of zod, so the renderer can import it. */

/** Long enough that a guess is hopeless: the store file may be copied off a lost laptop. */
export const MIN_PASSPHRASE_LENGTH = 10;

/** 256 MiB: a review package with every applicant's PDFs, with room to spare */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
