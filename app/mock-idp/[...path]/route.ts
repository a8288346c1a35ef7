import { serveMockIdp } from "@/lib/mock-idp/next-handler.server";

export const GET = serveMockIdp;
export const POST = serveMockIdp;
export const OPTIONS = serveMockIdp;
// The router answers methods an endpoint does not take: 405 with that endpoint's Allow.
export const PUT = serveMockIdp;
export const DELETE = serveMockIdp;
export const PATCH = serveMockIdp;
