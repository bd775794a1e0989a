import { CommanderError } from 'commander';
import { ConfigError } from '@/lib/config/load-config';
import type { CodeAdvice as Advice } from '@/lib/entra/aadsts-advice';
import { isEntraError } from '@/lib/entra/entra-error';
import { isAppError } from '@/lib/errors/app-error';
import { redactString } from '@/lib/log/redact';
import {
  isPartnerCenterError,
  type PartnerCenterError,
} from '@/lib/partner-center/partner-center-error';
import { isConnectionError, type ConnectionError } from '@/lib/tokens/connection-error';
import { isVaultError } from '@/lib/vault/vault-error';
import { CliError } from './cli-error';
import { EXIT, type ExitCode } from './exit-codes';

/** What the console tells a person about a failure, and the exit code it ends with. */
export interface ErrorReport {
  code: string;
  message: string;
  exitCode: ExitCode;
  /** Extra lines: the fix, Partner Center's ids for support. */
  details: string[];
}

const USAGE_CODES = new Set([
  'invalid_tenant',
  'invalid_customer_id',
  'invalid_usage',
  'vault_invalid_name',
]);
const PC_INFRASTRUCTURE = new Set([
  'partner_center_throttled',
  'partner_center_unavailable',
  'partner_center_timeout',
  'partner_center_bad_response',
]);

/**
 * Maps anything a command threw to a message and an exit code. Messages come from the errors'
 * own safe texts (AppError messages, AADSTS advice), never from upstream bodies; anything
 * unexpected is scrubbed of token-shaped text before it is shown.
 */
export function describeError(e: unknown): ErrorReport {
  if (e instanceof ConfigError) {
    return {
      code: 'config_invalid',
      message: e.message,
      exitCode: EXIT.infrastructure,
      details: ['Set the variables as for the portal (.env.example documents each one).'],
    };
  }
  if (e instanceof CliError) {
    return {
      code: e.code,
      message: e.message,
      exitCode: USAGE_CODES.has(e.code) ? EXIT.usage : EXIT.needsHuman,
      details: e.hint ? [e.hint] : [],
    };
  }
  if (isConnectionError(e)) return describeConnectionError(e);
  if (isEntraError(e)) {
    return withAdvice(
      e.advice,
      e.grantIsDead || e.advice.needsReconnect ? EXIT.needsHuman : EXIT.infrastructure,
    );
  }
  if (isVaultError(e)) {
    return {
      code: e.code,
      message: e.message,
      exitCode: USAGE_CODES.has(e.code) ? EXIT.usage : EXIT.infrastructure,
      details: vaultHint(e.code),
    };
  }
  if (isPartnerCenterError(e)) return describePartnerCenterError(e);
  if (isAppError(e)) {
    // Errors of other lib/ modules (token broker, connections): their status says whose problem it is.
    const advice = (e as { advice?: Advice }).advice;
    const exitCode = e.status >= 500 ? EXIT.infrastructure : EXIT.needsHuman;
    return advice
      ? { ...withAdvice(advice, exitCode), code: e.code, message: e.message }
      : { code: e.code, message: e.message, exitCode, details: [] };
  }
  if (e instanceof CommanderError) {
    return {
      code: 'invalid_usage',
      message: e.message,
      exitCode: e.exitCode === 0 ? EXIT.ok : EXIT.usage,
      details: [],
    };
  }
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return {
    code: 'unexpected',
    message: `Unexpected failure: ${redactString(text)}`,
    exitCode: EXIT.infrastructure,
    details: [],
  };
}

/** The report as printed on stderr: `error [code]: message`, then indented details. */
export function formatErrorReport(report: ErrorReport): string {
  return (
    [`error [${report.code}]: ${report.message}`, ...report.details.map((d) => `  ${d}`)].join(
      '\n',
    ) + '\n'
  );
}

/** Prints the failure on stderr and returns the exit code to end with. */
export function reportError(e: unknown): ExitCode {
  const report = describeError(e);
  process.stderr.write(formatErrorReport(report));
  return report.exitCode;
}

function withAdvice(advice: Advice, exitCode: ExitCode): ErrorReport {
  return {
    code: advice.code,
    message: advice.title,
    exitCode,
    details: [`Cause: ${advice.cause}`, `Fix: ${advice.fix}`],
  };
}

/** The broker's messages speak to a signed-in user ("your organization"); the console names the tenant. */
function describeConnectionError(e: ConnectionError): ErrorReport {
  if (e.code === 'connection_missing') {
    return {
      code: e.code,
      message: `No connection is stored for tenant ${e.tenantId}.`,
      exitCode: EXIT.needsHuman,
      details: [
        "A partner admin connects it from the portal's Connections page; `csp connections` lists the connected tenants.",
      ],
    };
  }
  const advice = e.advice;
  return {
    code: advice?.code ?? e.code,
    message: `Tenant ${e.tenantId} needs a reconnect: ${advice?.title ?? 'the stored sign-in no longer works'}.`,
    exitCode: EXIT.needsHuman,
    details: advice ? [`Cause: ${advice.cause}`, `Fix: ${advice.fix}`] : [],
  };
}

function describePartnerCenterError(e: PartnerCenterError): ErrorReport {
  const { upstreamStatus, partnerCenterCode, requestId, correlationId } = e.details;
  const details = [
    upstreamStatus !== undefined
      ? `Partner Center answered ${upstreamStatus}${partnerCenterCode ? ` (code ${partnerCenterCode})` : ''}.`
      : '',
    e.code === 'partner_center_unauthorized'
      ? 'Fix: reconnect the tenant with an account that completes MFA; Partner Center requires MFA on every App+User call.'
      : '',
    correlationId ? `MS-CorrelationId ${correlationId}, MS-RequestId ${requestId}` : '',
  ].filter(Boolean);
  return {
    code: e.code,
    message: e.message,
    exitCode: PC_INFRASTRUCTURE.has(e.code) ? EXIT.infrastructure : EXIT.needsHuman,
    details,
  };
}

function vaultHint(code: string): string[] {
  if (code === 'vault_forbidden')
    return [
      'Fix: give the identity in KEY_VAULT_CREDENTIAL the "Key Vault Secrets Officer" role on the vault (or an access policy with get, list, set).',
    ];
  if (code === 'vault_credential_failed')
    return [
      'Fix: check KEY_VAULT_CREDENTIAL and the credential it uses (managed identity, or the app secret/certificate).',
    ];
  if (code === 'vault_unreachable')
    return [
      'Fix: check KEY_VAULT_URL and that this machine can reach it (DNS, firewall, private endpoint).',
    ];
  return [];
}
