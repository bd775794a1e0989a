// GET|POST /api/auth/* — next-auth (staff sign-in with Entra; options in lib/auth).
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/next';

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, ctx: Context): Promise<Response> {
  return NextAuth(req as never, ctx as never, getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
