import { AGENCY_KINDS, AGENCY_SERVICES, AgencyKind as Kind, AgencyService as Service, valuesByName } from '@kivuko/sop';

export enum BorderPointKind {
  Land = 'LAND',
  Sea = 'SEA',
  Air = 'AIR',
  ReceptionCentre = 'RECEPTION_CENTRE',
}

/** An agency kind of the joint SOP's vocabulary (defined once, in the core). */
export type AgencyKind = Kind;
/** `AgencyKind.NGO === 'NGO'`: the kinds by name, and the `enum` of the columns and DTOs that hold one. */
export const AgencyKind = valuesByName(AGENCY_KINDS);

/** A service an agency offers, from the joint SOP's vocabulary. */
export type AgencyService = Service;
/** `AgencyService.LEGAL_AID === 'LEGAL_AID'`. */
export const AgencyService = valuesByName(AGENCY_SERVICES);
