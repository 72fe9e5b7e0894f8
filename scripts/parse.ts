// Placeholder: the real parser is written by the lead.
// Prints usage and the Node version it runs on (must be >= 22.12, i.e. the pinned node@24).
const usage = 'usage: npm run parse -- <seeds-dir> <content-dir>';

console.log(usage);
console.log(`node ${process.version}`);
