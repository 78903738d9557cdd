/**
 * A record with its keys in name order. World data is keyed by content, and a record's content
 * includes the order of its keys (as in JSON): a table written in whatever order events happened
 * would make two equal worlds two states. Records whose order carries no meaning are kept sorted.
 */
export const sortRecord = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
