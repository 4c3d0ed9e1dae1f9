/** Marks the clients the kill loop writes (in referral source), so the parent finds only them. */
export const killLoopSource = 'kill-loop';
