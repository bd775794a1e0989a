import type { AccessState, ConsentState } from '@/lib/access/types';

export const ACCESS_LABEL: Record<AccessState, { text: string; className: string }> = {
  gdap: { text: 'GDAP', className: 'status-ok' },
  pending: { text: 'Pending', className: 'status-warn' },
  none: { text: 'None', className: 'status-bad' },
  unknown: { text: 'Unknown', className: 'status-warn' },
};

export const CONSENT_LABEL: Record<ConsentState, { text: string; className: string }> = {
  granted: { text: 'Granted', className: 'status-ok' },
  partial: { text: 'Partial', className: 'status-warn' },
  missing: { text: 'Missing', className: 'status-bad' },
  unknown: { text: 'Unknown', className: 'muted' },
  error: { text: 'Error', className: 'status-bad' },
};
