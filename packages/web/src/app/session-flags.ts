/** sessionStorage flag: the last session ended by itself (the login page says so). */
export const SESSION_EXPIRED_KEY = 'fuyou.sessionExpired';
