import { serveMockIdp } from "@/lib/mock-idp/next-handler.server";

export const GET = serveMockIdp;
