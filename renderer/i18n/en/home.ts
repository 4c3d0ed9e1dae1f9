/** English strings for the home screen. */
export const home = {
  rollbackTitle: 'The data folder may have been put back from an older copy',
  greeting: {
    morning: 'Good morning, {{name}}',
    afternoon: 'Good afternoon, {{name}}',
    evening: 'Good evening, {{name}}',
  },
  start: {
    title: 'Finish setting up the clinic',
    progress: '{{done}} of {{total}} done',
    progressLabel: 'Set-up progress',
    done: 'done',
    steps: {
      created: 'Clinic created',
      recoveryKey: 'Recovery key stored safely',
      staff: 'Add your staff, each with their own password',
      details: 'Add the clinic’s phone number and logo for printed forms',
      backups: 'Choose a backup folder, ideally on another drive',
    },
    actions: {
      staff: 'Add staff',
      details: 'Add details',
      backups: 'Choose folder',
    },
  },
  recent: {
    title: 'Recent clients',
    empty: 'Clients you open, add or edit appear here.',
    all: 'All clients',
  },
  overdue: {
    title: 'Overdue for their next session',
    empty: 'No one is overdue: every active course is on time.',
    line: '{{indication}} · {{done}} of {{planned}} · due {{due}}',
  },
  clinic: {
    title: 'Your clinic',
    noPhone: 'No phone number yet',
    edit: 'Edit clinic details',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    search: 'Search or jump to',
    lock: 'Lock the screen',
    close: 'Close a dialog',
    idle_one: 'The screen also locks itself after {{count}} minute without use.',
    idle_other: 'The screen also locks itself after {{count}} minutes without use.',
  },
} as const;
