/**
 * Who is logged in. Loads /auth/me once, follows the server's verdicts
 * (401: the session ended; 403 PASSWORD_CHANGE_REQUIRED: replace the one-time
 * password first) and re-checks when the tab regains focus, so an expired
 * session is noticed before the officer types into a form.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, api, resetCsrf, setSessionHooks } from '../shared/api';
import type { Me } from '@server/modules/access/schemas';
import type { Permission } from '@server/platform/http/schemas';
import { paths } from './paths';

interface SessionValue {
  me: Me | null;
  loading: boolean;
  /** Set when the user was sent to the login page because the session ended. */
  expired: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<Me | null>;
  /** Typed: a permission name the server does not know fails the web's typecheck. */
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

// Remembers, across reloads of this tab, that someone was logged in: a 401 on
// the first load then means "your session ended", not "welcome".
const HAD_SESSION = 'jamkesda.hadSession';

function rememberSession(on: boolean) {
  try {
    if (on) sessionStorage.setItem(HAD_SESSION, '1');
    else sessionStorage.removeItem(HAD_SESSION);
  } catch {
    // Storage may be disabled; the message is a nicety.
  }
}

function hadSession(): boolean {
  try {
    return sessionStorage.getItem(HAD_SESSION) === '1';
  } catch {
    return false;
  }
}

/** Pages anyone may open without logging in. */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === paths.login ||
    pathname === paths.selfCheck ||
    pathname.startsWith('/verifikasi/') ||
    pathname === '/verifikasi'
  );
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(() => !isPublicPath(window.location.pathname));
  const [expired, setExpired] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const locationRef = useRef(location);
  locationRef.current = location;

  const sendToLogin = useCallback(
    (wasExpired: boolean) => {
      setMe(null);
      setExpired(wasExpired);
      rememberSession(false);
      resetCsrf();
      const here = locationRef.current;
      if (here.pathname === paths.login) return;
      const next = here.pathname === '/' ? undefined : here.pathname + here.search;
      navigate(paths.login + (next ? `?next=${encodeURIComponent(next)}` : ''), { replace: true });
    },
    [navigate],
  );

  const refresh = useCallback(async () => {
    try {
      const m = await api<Me>('/api/v1/auth/me', { quietAuth: true });
      setMe(m);
      rememberSession(true);
      return m;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setMe(null);
        return null;
      }
      throw err;
    }
  }, []);

  useEffect(() => {
    setSessionHooks({
      onUnauthenticated: () => sendToLogin(true),
      onPasswordChangeRequired: () => {
        setMe((m) => (m ? { ...m, mustChangePassword: true } : m));
        navigate(paths.changePassword, { replace: true });
      },
    });
  }, [navigate, sendToLogin]);

  // Public pages (self-check, verification, login) do not ask who is logged in:
  // a resident's phone has no session, and the question would only be answered
  // 401. The probe runs once, on the first page that needs a session.
  const probed = useRef(false);
  const needsProbe = !isPublicPath(location.pathname) || (location.pathname === paths.login && hadSession());
  useEffect(() => {
    if (probed.current) return;
    if (!needsProbe) {
      setLoading(false);
      return;
    }
    probed.current = true;
    setLoading(true);
    const wasLoggedIn = hadSession();
    refresh()
      .then((m) => {
        if (!m && wasLoggedIn) sendToLogin(true);
      })
      .catch(() => {
        // The server is unreachable: the login page will say so when used.
      })
      .finally(() => setLoading(false));
  }, [needsProbe, refresh, sendToLogin]);

  // Notice an ended session when the officer comes back to the tab.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || !me) return;
      refresh()
        .then((m) => {
          if (!m) sendToLogin(true);
        })
        .catch(() => {});
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [me, refresh, sendToLogin]);

  const login = useCallback(async (username: string, password: string) => {
    const m = await api<Me>('/api/v1/auth/login', { method: 'POST', body: { username, password }, quietAuth: true });
    resetCsrf();
    setMe(m);
    setExpired(false);
    rememberSession(true);
    return m;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api('/api/v1/auth/logout', { method: 'POST', quietAuth: true });
    } catch {
      // Already logged out on the server: the outcome is the same.
    }
    rememberSession(false);
    resetCsrf();
    setMe(null);
    setExpired(false);
    navigate(paths.login, { replace: true });
  }, [navigate]);

  const can = useCallback((permission: Permission) => !!me?.permissions.includes(permission), [me]);

  // Between arriving on a page that needs a session and the probe starting, say "loading", not "logged out".
  const waiting = loading || (needsProbe && !probed.current);
  const value = useMemo(
    () => ({ me, loading: waiting, expired, login, logout, refresh, can }),
    [me, waiting, expired, login, logout, refresh, can],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
