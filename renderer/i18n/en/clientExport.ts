/** English strings for the client's record export (right of access). */
export const clientExport = {
  menu: 'Export record…',
  working: 'Exporting the record…',
  savedTitle: 'Record exported',
  savedMessage: '{{files}} files in the folder “{{folderName}}”. Open index.pdf first. The folder is not encrypted: hand it over and then delete it.',
  failedTitle: 'The record was not exported',
} as const;
