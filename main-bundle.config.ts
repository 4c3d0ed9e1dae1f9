/**
 * npm dependencies of pure JavaScript that main bundles instead of loading from node_modules.
 * Loaded as packages, date-fns (about forty modules for one format function) and zod left tens
 * of megabytes of module-loading garbage behind: the services process started at 120 MB
 * instead of 70. Native add-ons (the SQLite cipher, sharp) and pdfkit (its font metrics are
 * files) stay external. The benchmark builds its services process the same way.
 */
export const bundledInMain = ['date-fns', 'zod', 'exif-reader'];
