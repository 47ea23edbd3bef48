import { DEMO_USERS, DemoService } from '@kivuko/access';
import { AsylumService, DetentionService, OpenDetentionDto, ReflectionPeriodDto, RegisterAsylumClaimDto, TraffickingIdentificationDto, TraffickingService } from '@kivuko/casework';
import { CaseProfilingService, ConsentService, IntakeService, RecordConsentDto, RegisterIntakeDto } from '@kivuko/cases';
import { ReferralAction, ReferralActionDto, ReferralService } from '@kivuko/referrals';
import { SopService } from '@kivuko/sop-lifecycle';
import { Actor, Clock, DomainError, PLATFORM_RUNTIME, PlatformRuntime, Role, systemScope, UnitOfWork, validateBody } from '@kivuko/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

const HOUR = 3_600_000;

interface DemoIntake {
  by: string;
  borderPoint: string;
  hoursAgo: number;
  /** The consent the referrals wait for, recorded after the profiles are confirmed; none: they stay held. */
  consent?: 'PERSON' | 'CHILD_BEST_INTERESTS';
  /** What the receiving agencies then record on the (first) case, through their own use cases. */
  records?: DemoRecord[];
  /** The request body as a client sends it, without the intake id, border point and arrival time. */
  body: { mode?: string; arrival: Record<string, unknown>; persons: Record<string, unknown>[] };
}

/**
 * ASYLUM_CLAIM: the asylum authority registers the claim. TRAFFICKING: the anti-trafficking coordinator
 * records the person as a presumed victim and starts the reflection period. DETENTION_REFUSED: the border
 * official asks to detain her, and the detention guard refuses (the monitor sees the attempt).
 */
type DemoRecord = 'ASYLUM_CLAIM' | 'TRAFFICKING' | 'DETENTION_REFUSED';

/** A few arrivals of the kinds the domain guide describes, so every demo role has something to open. */
const DEMO_INTAKES: DemoIntake[] = [
  {
    by: 'border.official',
    borderPoint: 'NMG',
    hoursAgo: 30,
    consent: 'PERSON',
    records: ['ASYLUM_CLAIM'],
    body: {
      arrival: { mode: 'LAND', how: 'SELF_PRESENTED', route: ['ETH', 'KEN'], intendedDestination: 'TZA' },
      persons: [
        {
          ref: 'mother',
          givenName: 'Faadumo Cali',
          familyName: 'Warsame',
          sex: 'FEMALE',
          dateOfBirth: '1993-05-02',
          nationalities: ['SOM'],
          areaOfOrigin: { name: 'Lower Shabelle', code: 'SO-SH' },
          languages: ['so'],
          interpreter: { needed: true, sex: 'FEMALE' },
          documents: [{ kind: 'NATIONAL_ID', number: 'SO-88412', issuingCountry: 'SOM' }],
          informationGiven: { topics: ['ASYLUM', 'LEGAL_AID', 'NGO_ACCESS'], language: 'so', leafletVersion: 'TZA-2026.1' },
          screening: {
            answers: {
              reasons_for_leaving: ['CONFLICT'],
              single_parent: true,
              fear_of_return: true,
              fear_reasons: ['CONFLICT', 'THREAT_TO_LIFE'],
              asylum_wish_expressed: true,
              asylum_wish_words: 'We cannot go back, they will kill us.',
              asylum_statement: 'Armed men took over our village; my husband has been missing since March.',
              health_triage: 'NONE',
            },
          },
        },
        {
          ref: 'son',
          givenName: 'Cabdi',
          familyName: 'Warsame',
          sex: 'MALE',
          dateOfBirth: '2016-01-01',
          dateOfBirthEstimated: true,
          nationalities: ['SOM'],
          travelledWith: [{ ref: 'mother', relationship: 'MOTHER' }],
          screening: { answers: { caregiver_present: true, caregiver_relationship: 'PARENT' } },
        },
      ],
    },
  },
  {
    by: 'border.official',
    borderPoint: 'KGM',
    hoursAgo: 20,
    consent: 'PERSON',
    records: ['TRAFFICKING', 'DETENTION_REFUSED'],
    body: {
      arrival: { mode: 'SEA', how: 'INTERCEPTED', route: ['COD'], smugglerUsed: true },
      persons: [
        {
          givenName: 'Esperance',
          familyName: 'Niyonzima',
          sex: 'FEMALE',
          statedAge: 19,
          nationalities: ['BDI'],
          languages: ['rn', 'sw'],
          documentsHeldByOther: true,
          screening: {
            answers: {
              reasons_for_leaving: ['WORK'],
              health_triage: 'NEEDS_CARE',
              others_speak_for_person: true,
              deceived_about_job: true,
              debt_bondage: true,
              movement_controlled: true,
              trafficking_account: 'Promised work in a restaurant; the man who brought us keeps our papers until the debt is paid.',
              health_need: 'Untreated injury to the wrist',
            },
          },
        },
      ],
    },
  },
  {
    by: 'border.official',
    borderPoint: 'KGM',
    hoursAgo: 6,
    consent: 'CHILD_BEST_INTERESTS',
    body: {
      mode: 'MASS_ARRIVAL',
      arrival: { mode: 'SEA', how: 'RESCUED_AT_SEA' },
      persons: [
        { description: 'boy, about 13, alone, green T-shirt', sex: 'MALE', statedAge: 13, nationalities: ['COD'], urgentNeeds: ['UNACCOMPANIED_CHILD'] },
        { description: 'woman, about 30, pregnant, bleeding', sex: 'FEMALE', statedAge: 30, nationalities: ['COD'], urgentNeeds: ['MEDICAL_EMERGENCY'] },
      ],
    },
  },
  {
    by: 'airport.official',
    borderPoint: 'DAR',
    hoursAgo: 3,
    consent: 'PERSON',
    body: {
      arrival: { mode: 'AIR', how: 'REGULAR_CROSSING', route: ['ARE'] },
      persons: [
        {
          givenName: 'Maxamed Cabdi',
          familyName: 'Warsame',
          sex: 'MALE',
          dateOfBirth: '1990-07-15',
          nationalities: ['SOM'],
          documents: [{ kind: 'PASSPORT', number: 'P00918273', issuingCountry: 'SOM' }],
          screening: { answers: { reasons_for_leaving: ['WORK'], wants_to_return_home: true, has_means_to_return: false } },
        },
      ],
    },
  },
  {
    by: 'border.official',
    borderPoint: 'NMG',
    hoursAgo: 1,
    body: {
      arrival: { mode: 'LAND', how: 'IRREGULAR_CROSSING', route: ['KEN'] },
      persons: [
        {
          givenName: 'Mohamed Abdi',
          familyName: 'Warsame',
          sex: 'MALE',
          dateOfBirth: '1990-03-01',
          dateOfBirthEstimated: true,
          nationalities: ['SOM'],
          screening: { answers: { reasons_for_leaving: ['WORK', 'FAMILY'] } },
        },
      ],
    },
  },
];

/**
 * Demo cases, registered through the real intake use case once the demo jurisdiction is loaded, and
 * only into an empty system: a newcomer opens cases as each role, sees a possible previous encounter
 * to review, a mass-arrival record to complete, the official's confirmed profiles routed under the default
 * joint SOP, and each agency seeing only the cases referred to it and only the sections the SOP shares.
 */
@Injectable()
export class DemoCasesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly demo: DemoService,
    private readonly intake: IntakeService,
    private readonly uow: UnitOfWork,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    private readonly sops: SopService,
    private readonly referrals: ReferralService,
    private readonly profiling: CaseProfilingService,
    private readonly consents: ConsentService,
    private readonly asylum: AsylumService,
    private readonly trafficking: TraffickingService,
    private readonly detention: DetentionService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.demo.enabled) return;
    await this.demo.ready();
    // The demo jurisdiction works under the default joint SOP of the domain guide.
    await this.sops.activateDefaultForDemo();
    if (!this.runtime.config.demo.cases) return;
    const [{ n }] = await this.uow.run(systemScope('demo cases: any yet?'), (m) => m.query<{ n: string }[]>(`SELECT count(*) AS n FROM case_file`));
    if (Number(n) > 0) return;

    let registered = 0;
    for (const demo of DEMO_INTAKES) {
      const { actor, borderPointId } = await this.actorAt(demo.by, demo.borderPoint);
      const { value, problems } = validateBody(RegisterIntakeDto, {
        ...demo.body,
        intakeId: randomUUID(),
        arrival: { ...demo.body.arrival, borderPointId, arrivedAt: new Date(this.clock.now().getTime() - demo.hoursAgo * HOUR).toISOString() },
      });
      if (problems.length > 0) throw new Error(`demo intake is invalid: ${JSON.stringify(problems)}`);
      const { result } = await this.intake.register(actor, value);
      registered += result.cases.length;
      // The official confirms what the screening suggested, as at a real post: referrals go out under the SOP.
      for (const registeredCase of result.cases) {
        for (const profile of registeredCase.profiles.filter((p) => p.status === 'SUGGESTED')) {
          await this.profiling.confirm(actor, registeredCase.id, profile.profile);
        }
        if (demo.consent) await this.recordConsent(registeredCase.id, demo.consent, actor);
      }
      await this.acceptReferrals(result.cases.map((c) => c.id));
      for (const record of demo.records ?? []) await this.recordOn(result.cases[0].id, record, actor);
    }
    this.logger.log({ cases: registered }, 'demo cases ready');
  }

  /**
   * The consent the held referrals wait for: the person's, per recipient kind; or, for a child, the best
   * interests recorded as the legal basis by the border supervisor.
   */
  private async recordConsent(caseId: string, how: 'PERSON' | 'CHILD_BEST_INTERESTS', official: Actor): Promise<void> {
    const waiting = await this.uow.run(systemScope('demo cases: referrals waiting for consent'), (m) =>
      m.query<{ kind: string; purpose: string }[]>(
        `SELECT DISTINCT a.kind, req->>'purpose' AS purpose FROM referral r JOIN agency a ON a.id = r.agency_id
           CROSS JOIN LATERAL jsonb_array_elements(r.basis->'requirements') req
         WHERE r.case_id = $1 AND r.status = 'AWAITING_CONSENT' ORDER BY a.kind, purpose`,
        [caseId],
      ),
    );
    const supervisor = how === 'CHILD_BEST_INTERESTS' ? (await this.actorAt('border.supervisor', 'NMG')).actor : official;
    for (const { kind, purpose } of waiting) {
      const body =
        how === 'PERSON'
          ? { purpose, recipientAgencyKind: kind, decision: 'GIVEN', language: 'sw' }
          : { purpose, recipientAgencyKind: kind, legalBasis: 'CHILD_BEST_INTERESTS', reason: 'Unaccompanied child: referral in the best interests of the child, pending a guardian' };
      const { value, problems } = validateBody(RecordConsentDto, body);
      if (problems.length > 0) throw new Error(`demo consent is invalid: ${JSON.stringify(problems)}`);
      await this.consents.record(supervisor, caseId, value);
    }
  }

  /**
   * Each receiving agency with a demo caseworker accepts the referrals that ask it to act, so its required
   * actions become tasks in that caseworker's `GET /api/v1/tasks`. Referrals without actions, and those to
   * agencies without a demo caseworker, stay pending for a newcomer to acknowledge, accept or decline.
   */
  private async acceptReferrals(caseIds: string[]): Promise<void> {
    const pending = await this.uow.run(systemScope('demo cases: referrals to accept'), (m) =>
      m.query<{ id: string; agency: string }[]>(
        `SELECT r.id, a.name AS agency FROM referral r JOIN agency a ON a.id = r.agency_id
         WHERE r.case_id = ANY($1::uuid[]) AND r.status = 'PENDING' AND jsonb_array_length(r.required_actions) > 0 ORDER BY r.created_at, r.id`,
        [caseIds],
      ),
    );
    for (const referral of pending) {
      const caseworker = DEMO_USERS.find((u) => u.agency === referral.agency && u.roles.includes(Role.Caseworker));
      if (!caseworker) continue;
      const { actor } = await this.actorAt(caseworker.username, 'NMG');
      const { value, problems } = validateBody(ReferralActionDto, {});
      if (problems.length > 0) throw new Error(`demo acceptance is invalid: ${JSON.stringify(problems)}`);
      await this.referrals.act(actor, referral.id, ReferralAction.Accept, value);
    }
  }

  private async recordOn(caseId: string, record: DemoRecord, official: Actor): Promise<void> {
    const now = this.clock.now();
    const today = now.toISOString().slice(0, 10);
    const body = <T extends object>(type: new () => T, value: object): T => {
      const { value: dto, problems } = validateBody(type, value);
      if (problems.length > 0) throw new Error(`demo record is invalid: ${JSON.stringify(problems)}`);
      return dto;
    };
    if (record === 'ASYLUM_CLAIM') {
      const { actor } = await this.actorAt('asylum.reviewer', 'NMG');
      await this.asylum.register(actor, caseId, body(RegisterAsylumClaimDto, { registeredOn: today, reference: 'RSA/2026/00042', procedure: 'PRIMA_FACIE' }));
    } else if (record === 'TRAFFICKING') {
      const { actor } = await this.actorAt('trafficking.coordinator', 'KGM');
      await this.trafficking.identify(actor, caseId, body(TraffickingIdentificationDto, { status: 'PRESUMED' }));
      await this.trafficking.startReflection(actor, caseId, body(ReflectionPeriodDto, { startsOn: today }));
    } else {
      const request = body(OpenDetentionDto, {
        place: 'Kigoma port holding room',
        legalBasis: 'Immigration Act s.12(3)',
        individualAssessment: { pregnant: false, seriouslyIll: false, summary: 'Arrived without documents; the man with her was arrested.' },
        alternativesConsidered: ['Shelter placement: no place tonight'],
        startedAt: now.toISOString(),
        nextReviewOn: new Date(now.getTime() + 7 * 24 * HOUR).toISOString().slice(0, 10),
      });
      await this.detention.open(official, caseId, request).then(
        () => {
          throw new Error('the demo expects the detention guard to refuse this detention');
        },
        (refused: unknown) => {
          if (!(refused instanceof DomainError) || refused.code !== 'SAFEGUARD.DETENTION_GUARD') throw refused;
        },
      );
    }
  }

  private async actorAt(username: string, code: string): Promise<{ actor: Actor; borderPointId: string }> {
    return this.uow.run(systemScope('demo cases: registering official'), async (m) => {
      const [user] = await m.query<{ id: string; agency_id: string; roles: Role[]; border_point_ids: string[] }[]>(
        `SELECT id, agency_id, roles, border_point_ids FROM app_user WHERE username = $1`,
        [username],
      );
      const [point] = await m.query<{ id: string }[]>(`SELECT id FROM border_point WHERE code = $1`, [code]);
      return {
        actor: { userId: user.id, username, agencyId: user.agency_id, roles: user.roles, borderPointIds: user.border_point_ids },
        borderPointId: point.id,
      };
    });
  }
}
