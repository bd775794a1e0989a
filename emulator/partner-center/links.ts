/** Partner Center's Link resource: `{uri, method, headers}` (utility-resources.md). */
export interface PcLink {
  uri: string;
  method: 'GET';
  headers: Array<{ key: string; value: string }>;
}

export const link = (uri: string, headers: PcLink['headers'] = []): PcLink => ({
  uri,
  method: 'GET',
  headers,
});
