/** The dashboard auth routes the extension uses (contract §3.5 A). */
import type { Route } from '../http/router';
import { currentUser, DashboardHandler, login, refresh, verifySecondFactor } from './dashboardAuthHandlers';

/** Login, 2FA verify, refresh and /me. */
export const DASHBOARD_ROUTES: readonly Route<DashboardHandler>[] = [
  { method: 'POST', pattern: '/dashboard/auth/login', value: login },
  { method: 'POST', pattern: '/dashboard/auth/refresh', value: refresh },
  { method: 'POST', pattern: '/dashboard/auth/2fa/verify', value: verifySecondFactor },
  { method: 'GET', pattern: '/dashboard/auth/me', value: currentUser },
];
