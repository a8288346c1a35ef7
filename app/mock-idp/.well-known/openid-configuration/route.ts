import { serveMockIdp } from "@/lib/mock-idp/next-handler.server";

export const GET = serveMockIdp;
export const OPTIONS = serveMockIdp;
// The router answers methods discovery does not take: 405 with Allow.
export const POST = serveMockIdp;
export const PUT = serveMockIdp;
export const DELETE = serveMockIdp;
export const PATCH = serveMockIdp;
