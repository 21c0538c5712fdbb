/**
 * A clause the main process words to sit inside a sentence ("kept 10 years, until …"), shown as
 * a line of its own: with a capital, as a sentence starts. Chinese has no case and is unchanged.
 */
export const asSentence = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);
