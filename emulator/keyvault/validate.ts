import { z } from 'zod';
import { badParameter } from './errors';
import { SECRET_NAME } from './ids';

/** Key Vault's documented limits for secrets (service-limits.md). */
export const MAX_VALUE_BYTES = 25 * 1024;
const MAX_TAGS = 15;
const MAX_TAG_NAME = 512;
const MAX_TAG_VALUE = 256;
const MAX_CONTENT_TYPE = 255;

const tags = z
  .record(
    z.string().max(MAX_TAG_NAME, `tag names can be at most ${MAX_TAG_NAME} characters`),
    z.string().max(MAX_TAG_VALUE, `tag values can be at most ${MAX_TAG_VALUE} characters`),
  )
  .refine((t) => Object.keys(t).length <= MAX_TAGS, `a secret can have at most ${MAX_TAGS} tags`);

const unixSeconds = z.number().int().nonnegative();

const attributes = z.object({
  enabled: z.boolean().optional(),
  nbf: unixSeconds.optional(),
  exp: unixSeconds.optional(),
});

const setBody = z.object({
  value: z.string(),
  contentType: z.string().max(MAX_CONTENT_TYPE).optional(),
  tags: tags.optional(),
  attributes: attributes.optional(),
});

const updateBody = z.object({
  contentType: z.string().max(MAX_CONTENT_TYPE).optional(),
  tags: tags.optional(),
  attributes: attributes.optional(),
});

export type SetSecretBody = z.infer<typeof setBody>;
export type UpdateSecretBody = z.infer<typeof updateBody>;

export function requireSecretName(name: string): string {
  if (!SECRET_NAME.test(name))
    throw badParameter(`The request URI contains an invalid name: ${name}`);
  return name;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `'${issue.path.join('.')}'` : 'body';
  throw badParameter(`Invalid ${where}: ${issue?.message ?? 'malformed request body'}.`);
}

export function parseSetBody(body: unknown): SetSecretBody {
  const parsed = parse(setBody, body);
  if (Buffer.byteLength(parsed.value, 'utf8') > MAX_VALUE_BYTES) {
    throw badParameter(
      `The secret value is too large: the maximum size of a secret value is ${MAX_VALUE_BYTES} bytes.`,
    );
  }
  return parsed;
}

export function parseUpdateBody(body: unknown): UpdateSecretBody {
  return parse(updateBody, body);
}
