/** Decision records: the exported ADR document (MADR layout) and the replies to exporting it. */
export const adrEn = {
  exportButton: '📝 Export decision record',
};
