export const copies = {
  print: 'Print',
  savePdf: 'Save as PDF',
  session: {
    printLabel: 'Print session of {{when}}',
    saveLabel: 'Save session of {{when}} as PDF',
    printedMessage: 'The session, with its consent and exceptions, went to the print dialog.',
    savedMessage: 'The session record was saved as a PDF where you chose.',
  },
  history: {
    printLabel: 'Print medical history of {{when}}',
    saveLabel: 'Save medical history of {{when}} as PDF',
    printedMessage: 'The medical history went to the print dialog.',
    savedMessage: 'The medical history was saved as a PDF where you chose.',
  },
  printedTitle: 'Sent to the printer',
  savedTitle: 'PDF saved',
} as const;
