/**
 * The service settings' messages ('service.admin.*': SLA policy, macros,
 * knowledge base, staff, reports), English and Simplified Chinese; spread into
 * ../service.ts. Each part keeps its own file so each stays short.
 */
import { serviceAdminCommonEn, serviceAdminCommonZh } from './admin-common';
import { serviceAdminContentEn, serviceAdminContentZh } from './admin-content';
import { serviceAdminSlaEn, serviceAdminSlaZh } from './admin-sla';
import { serviceAdminTeamReportsEn, serviceAdminTeamReportsZh } from './admin-team-reports';

export const serviceAdminEn = {
  ...serviceAdminCommonEn,
  ...serviceAdminSlaEn,
  ...serviceAdminContentEn,
  ...serviceAdminTeamReportsEn,
} as const;

export const serviceAdminZh: { readonly [K in keyof typeof serviceAdminEn]: string } = {
  ...serviceAdminCommonZh,
  ...serviceAdminSlaZh,
  ...serviceAdminContentZh,
  ...serviceAdminTeamReportsZh,
};
