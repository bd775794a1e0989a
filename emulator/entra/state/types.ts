import type { DirectoryMutableState } from '../../directory/types';

/** The parameters of an /authorize (or admin-consent) request, validated. */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  responseType: 'code' | 'code id_token';
  responseMode: 'query' | 'fragment' | 'form_post';
  scopes: string[];
  state?: string;
  nonce?: string;
  prompt?: 'login' | 'consent' | 'select_account' | 'none';
  loginHint?: string;
  domainHint?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  clientInfo: boolean;
}

/** An authorization code, keyed by its hash. */
export interface AuthCodeRecord {
  clientId: string;
  redirectUri: string;
  /** Tenant segment the code was issued under: a tenant GUID, or `common` / `organizations`. */
  issuedPath: string;
  tenantId: string;
  userOid: string;
  scopes: string[];
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  amr: string[];
  authTime: number;
  /** The sign-in session id: the `sid` claim. */
  sid: string;
  issuedAt: number;
  expiresAt: number;
  redeemedAt?: number;
}

/** A refresh token, keyed by its hash. Bound to user and client, not to a resource. */
export interface RefreshTokenRecord {
  clientId: string;
  tenantId: string;
  userOid: string;
  /** Authentication methods of the sign-in the token descends from; redemptions inherit them. */
  amr: string[];
  authTime: number;
  /** The sign-in session id: the `sid` claim. */
  sid: string;
  issuedAt: number;
  lastUsedAt: number;
}

/** The browser's sign-in session (cookie `ESTSAUTH`), for SSO. */
export interface SessionRecord {
  /** The `sid` claim; the cookie value itself is a separate random secret. */
  sid: string;
  userOid: string;
  tenantId: string;
  amr: string[];
  authTime: number;
}

/** A sign-in in progress between /authorize and the redirect back to the app. */
export interface InteractionRecord {
  kind: 'authorize' | 'adminconsent-v1' | 'adminconsent-v2';
  /** Tenant segment of the request URL as sent. */
  tenantPath: string;
  request: AuthorizeRequest;
  createdAt: number;
  /** Set once the password is right. */
  userOid?: string;
  /** Set once the user is fully authenticated (after MFA when required). */
  amr?: string[];
  authTime?: number;
  sid?: string;
  /** The consent page was accepted during this sign-in. */
  consented?: boolean;
}

export interface EntraState {
  version: 2;
  directory: DirectoryMutableState;
  codes: Record<string, AuthCodeRecord>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  sessions: Record<string, SessionRecord>;
  interactions: Record<string, InteractionRecord>;
}
