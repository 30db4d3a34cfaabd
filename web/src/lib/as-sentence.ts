/** A server's field message as a sentence: "is already taken" → "Is already taken." */
export function asSentence(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
