import type { AnswerGroup, Question, QuestionGroup, Questionnaire, QuestionType, Translated } from './questionnaire';
import type { ShowWhen } from './show-when';

/*
 * Version 3 of the screening questionnaire: the questions of version 2 (same ids, types, options and
 * limits, so the profiling rules read them alike), ordered by group, read aloud in the official's
 * language, and asked only when they apply. Terms follow the project glossary; the texts are plain
 * words an official can read to the person. A translation change is a new version of this file's data.
 */

const t = (en: string, fr: string, pt: string, sw: string, ar: string): Translated => ({ en, fr, pt, sw, ar });

const Q = (
  id: string,
  group: AnswerGroup,
  type: QuestionType,
  prompt: Translated,
  extra: { options?: Record<string, Translated>; maxLength?: number; min?: number; max?: number; showWhen?: ShowWhen } = {},
): Question => {
  const { options, ...rest } = extra;
  return {
    id,
    group,
    type,
    prompt,
    ...(options ? { options: Object.keys(options), optionLabels: options } : {}),
    ...rest,
  };
};

const yes = (answer: string): ShowWhen => ({ answer, equals: true });
/**
 * The child questions: asked of whoever may be a child, and of anyone whose stated age the official seriously
 * doubts (the person stays presumed a child until an age assessment, which the answers must then inform).
 */
const MAY_BE_CHILD: ShowWhen = { any: [{ person: 'mayBeChild' }, { answer: 'serious_doubt_about_age', equals: true }] };
/** Pregnancy is asked of women, of people whose sex is recorded as other, and when the sex is not known. */
const MAY_BE_PREGNANT: ShowWhen = { person: 'sexIn', values: ['FEMALE', 'OTHER', 'UNKNOWN'] };
const ACCOUNT = t('The person’s account', 'Le récit de la personne', 'O relato da pessoa', 'Maelezo ya mtu mwenyewe', 'رواية الشخص');

const PERSECUTION = t('Persecution', 'Persécution', 'Perseguição', 'Kudhulumiwa (kwa sababu ya dini, kabila, siasa au kundi)', 'الاضطهاد');
const CONFLICT = t('War or armed conflict', 'Guerre ou conflit armé', 'Guerra ou conflito armado', 'Vita au mapigano ya silaha', 'حرب أو نزاع مسلح');
const GENERALISED_VIOLENCE = t('Violence everywhere in the area', 'Violence généralisée', 'Violência generalizada', 'Vurugu zilizoenea kila mahali', 'عنف معمَّم');
const OTHER = t('Other', 'Autre', 'Outro', 'Nyingine', 'أخرى');

/** The indicators of trafficking or abuse on the journey: the account is asked once one of them is answered yes. */
const TRAFFICKING_INDICATORS = [
  'others_speak_for_person',
  'movement_controlled',
  'threatened',
  'debt_bondage',
  'deceived_about_job',
  'little_or_no_pay',
  'sexual_exploitation',
  'injuries_from_control',
  'held_for_ransom',
  'family_extorted',
  'abandoned_en_route',
  'beaten_or_robbed',
  'detained_in_transit',
  'trafficked_before',
  'fears_traffickers_on_return',
  'journey_debt',
];
const TORTURE_INDICATORS = ['torture_reported', 'scars_attributed_to_torture', 'forced_to_commit_acts', 'witnessed_killings'];
const SGBV_INDICATORS = ['sexual_violence_disclosed', 'forced_or_early_marriage', 'fgm', 'survival_sex'];

const GROUPS: readonly QuestionGroup[] = [
  { id: 'NEEDS', title: t('Needs', 'Besoins', 'Necessidades', 'Mahitaji', 'الاحتياجات') },
  { id: 'CHILD', title: t('Children', 'Enfants', 'Crianças', 'Watoto', 'الأطفال') },
  { id: 'ASYLUM', title: t('Asylum', 'Asile', 'Asilo', 'Hifadhi', 'اللجوء') },
  {
    id: 'TRAFFICKING',
    title: t(
      'Trafficking and abuse on the journey',
      'Traite des personnes et abus pendant le voyage',
      'Tráfico de pessoas e abusos durante a viagem',
      'Usafirishaji haramu wa binadamu na unyanyasaji safarini',
      'الاتجار بالبشر والانتهاكات أثناء الرحلة',
    ),
  },
  { id: 'HEALTH', title: t('Health', 'Santé', 'Saúde', 'Afya', 'الصحة') },
  { id: 'TORTURE', title: t('Torture', 'Torture', 'Tortura', 'Mateso', 'التعذيب') },
  {
    id: 'SGBV',
    title: t(
      'Sexual and gender-based violence',
      'Violences sexuelles et basées sur le genre (VBG)',
      'Violência sexual e baseada no género (VBG)',
      'Ukatili wa kijinsia na kingono',
      'العنف الجنسي والعنف القائم على نوع الجنس',
    ),
  },
];

const QUESTIONS: readonly Question[] = [
  // Why the person left and what they need (NEEDS: seen by every agency the case is referred to).
  Q('reasons_for_leaving', 'NEEDS', 'MULTI_CHOICE', t('Why did you leave your country?', 'Pourquoi avez-vous quitté votre pays ?', 'Porque saiu do seu país?', 'Kwa nini uliondoka nchini kwako?', 'لماذا غادرت بلدك؟'), {
    options: {
      WORK: t('Work', 'Travail', 'Trabalho', 'Kazi', 'العمل'),
      FAMILY: t('Family', 'Famille', 'Família', 'Familia', 'الأسرة'),
      EDUCATION: t('Education', 'Études', 'Estudos', 'Elimu', 'الدراسة'),
      CONFLICT,
      PERSECUTION,
      GENERALISED_VIOLENCE,
      DISASTER: t('Disaster (flood, drought, earthquake)', 'Catastrophe (inondation, sécheresse, séisme)', 'Catástrofe (cheia, seca, sismo)', 'Maafa (mafuriko, ukame, tetemeko la ardhi)', 'كارثة (فيضان، جفاف، زلزال)'),
      POVERTY: t('Poverty', 'Pauvreté', 'Pobreza', 'Umaskini', 'الفقر'),
      OTHER,
    },
  }),
  Q('wants_to_return_home', 'NEEDS', 'BOOLEAN', t('Do you wish to go back to your country?', 'Souhaitez-vous retourner dans votre pays ?', 'Deseja voltar ao seu país?', 'Je, unataka kurudi nchini kwako?', 'هل ترغب في العودة إلى بلدك؟')),
  Q('has_means_to_return', 'NEEDS', 'BOOLEAN', t('Do you have the means to go back?', 'Avez-vous les moyens de rentrer ?', 'Tem meios para voltar?', 'Je, una uwezo wa kurudi?', 'هل لديك الوسائل للعودة؟')),
  Q(
    'onward_movement',
    'NEEDS',
    'CHOICE',
    t(
      'Do you intend to stay in this country or to move on?',
      'Comptez-vous rester dans ce pays ou continuer vers un autre ?',
      'Pretende ficar neste país ou seguir para outro?',
      'Je, unapanga kubaki katika nchi hii au kuendelea na safari?',
      'هل تنوي البقاء في هذا البلد أم مواصلة الرحلة إلى بلد آخر؟',
    ),
    {
      options: {
        STAY_IN_THIS_COUNTRY: t('Stay in this country', 'Rester dans ce pays', 'Ficar neste país', 'Kubaki katika nchi hii', 'البقاء في هذا البلد'),
        ONWARD_TO_ANOTHER_COUNTRY: t('Move on to another country', 'Continuer vers un autre pays', 'Seguir para outro país', 'Kuendelea hadi nchi nyingine', 'المتابعة إلى بلد آخر'),
        UNDECIDED: t('Not decided yet', 'Pas encore décidé', 'Ainda não decidiu', 'Bado hajaamua', 'لم يقرّر بعد'),
      },
    },
  ),
  Q(
    'onward_destination_place',
    'NEEDS',
    'TEXT',
    t('Where exactly are you going (town or place)?', 'Où allez-vous exactement (ville ou lieu) ?', 'Para onde vai exatamente (cidade ou local)?', 'Unakwenda wapi hasa (mji au mahali)?', 'إلى أين تتجه بالضبط (المدينة أو المكان)؟'),
    { maxLength: 200, showWhen: { answer: 'onward_movement', equals: 'ONWARD_TO_ANOTHER_COUNTRY' } },
  ),
  Q(
    'documents_lost_or_stolen',
    'NEEDS',
    'BOOLEAN',
    t(
      'Identity or travel documents lost or stolen',
      'Documents d’identité ou de voyage perdus ou volés',
      'Documentos de identidade ou de viagem perdidos ou roubados',
      'Nyaraka za utambulisho au za safari zimepotea au kuibiwa',
      'وثائق الهوية أو السفر مفقودة أو مسروقة',
    ),
  ),
  Q('health_triage', 'NEEDS', 'CHOICE', t('Health triage', 'Triage médical', 'Triagem de saúde', 'Uchunguzi wa awali wa afya', 'الفرز الصحي'), {
    options: {
      URGENT: t('Urgent care needed now', 'Soins urgents, tout de suite', 'Cuidados urgentes, já', 'Huduma ya dharura sasa hivi', 'رعاية عاجلة فوراً'),
      NEEDS_CARE: t('Needs care, not urgent', 'Besoin de soins, pas urgent', 'Precisa de cuidados, não urgentes', 'Anahitaji huduma, si ya dharura', 'يحتاج إلى رعاية غير عاجلة'),
      NONE: t('No health need seen', 'Aucun besoin de santé constaté', 'Nenhuma necessidade de saúde observada', 'Hakuna hitaji la afya lililoonekana', 'لا توجد حاجة صحية ظاهرة'),
    },
  }),
  Q('disability', 'NEEDS', 'BOOLEAN', t('Disability observed or reported', 'Handicap constaté ou signalé', 'Deficiência observada ou referida', 'Ulemavu ulioonekana au ulioripotiwa', 'إعاقة ملاحَظة أو مُبلَّغ عنها')),
  Q('serious_illness', 'NEEDS', 'BOOLEAN', t('Serious illness reported', 'Maladie grave signalée', 'Doença grave referida', 'Ugonjwa mzito umeripotiwa', 'مرض خطير مُبلَّغ عنه')),
  Q('pregnant', 'NEEDS', 'BOOLEAN', t('Pregnant', 'Enceinte', 'Grávida', 'Mjamzito', 'حامل'), { showWhen: MAY_BE_PREGNANT }),
  Q('older_person_at_risk', 'NEEDS', 'BOOLEAN', t('Older person at risk', 'Personne âgée à risque', 'Pessoa idosa em risco', 'Mzee aliye hatarini', 'شخص مسنّ معرّض للخطر')),
  Q(
    'single_parent',
    'NEEDS',
    'BOOLEAN',
    t(
      'Single parent or caregiver',
      'Parent seul ou personne qui s’occupe seule d’enfants',
      'Mãe, pai ou cuidador que cuida sozinho das crianças',
      'Mzazi au mlezi anayelea watoto peke yake',
      'أحد الوالدين أو مقدّم رعاية يعيل أطفالاً بمفرده',
    ),
  ),
  Q('woman_at_risk', 'NEEDS', 'BOOLEAN', t('Woman at risk', 'Femme à risque', 'Mulher em risco', 'Mwanamke aliye hatarini', 'امرأة معرّضة للخطر')),
  Q(
    'officer_observations',
    'NEEDS',
    'TEXT',
    t(
      'Officer observations (no disclosures here)',
      'Observations de l’agent (ne pas noter ici ce que la personne a confié)',
      'Observações do agente (não registar aqui o que a pessoa revelou)',
      'Maelezo ya afisa (usiandike hapa mambo ambayo mtu ameeleza kwa siri)',
      'ملاحظات الموظف (لا تُكتب هنا الأمور التي أفصح عنها الشخص)',
    ),
    { maxLength: 2_000 },
  ),

  // Children. The doubt about a stated age is asked of everyone: a person who says they are an adult may be a child.
  Q(
    'serious_doubt_about_age',
    'CHILD',
    'BOOLEAN',
    t(
      'Serious doubt about the stated age (the person stays presumed a child until assessed)',
      'Doute sérieux sur l’âge déclaré (la personne reste présumée enfant jusqu’à l’évaluation de l’âge)',
      'Dúvida séria sobre a idade declarada (a pessoa continua a ser presumida criança até à avaliação da idade)',
      'Shaka kubwa kuhusu umri uliotajwa (mtu anachukuliwa kuwa mtoto hadi tathmini ya umri ifanyike)',
      'شكّ جدّي في السنّ المصرَّح بها (يُعامَل الشخص كطفل إلى أن يُجرى تقدير السنّ)',
    ),
  ),
  Q(
    'age_doubt_grounds',
    'CHILD',
    'TEXT',
    t('What the doubt about the age rests on', 'Sur quoi repose le doute sur l’âge', 'Em que se baseia a dúvida sobre a idade', 'Shaka kuhusu umri inatokana na nini', 'علامَ يستند الشكّ في السنّ'),
    { maxLength: 2_000, showWhen: yes('serious_doubt_about_age') },
  ),
  Q(
    'caregiver_present',
    'CHILD',
    'BOOLEAN',
    t(
      'Is a parent or caregiver with the child?',
      'Un parent ou la personne qui s’occupe de l’enfant est-il avec lui ?',
      'A criança está com o pai, a mãe ou quem cuida dela?',
      'Je, mzazi au mlezi yuko pamoja na mtoto?',
      'هل يرافق الطفلَ أحدُ والديه أو من يرعاه؟',
    ),
    { showWhen: MAY_BE_CHILD },
  ),
  Q('caregiver_relationship', 'CHILD', 'CHOICE', t('Who is with the child?', 'Qui accompagne l’enfant ?', 'Quem acompanha a criança?', 'Nani yuko pamoja na mtoto?', 'من يرافق الطفل؟'), {
    options: {
      PARENT: t('Mother or father', 'La mère ou le père', 'A mãe ou o pai', 'Mama au baba', 'الأم أو الأب'),
      LEGAL_GUARDIAN: t('Legal guardian', 'Tuteur légal', 'Tutor legal', 'Mlezi wa kisheria', 'وصيّ قانوني'),
      CUSTOMARY_CAREGIVER: t('Caregiver by custom', 'Personne qui s’occupe de l’enfant selon la coutume', 'Cuidador segundo o costume', 'Mlezi wa kimila', 'من يرعاه وفق العُرف'),
      RELATIVE: t('Another relative', 'Un autre membre de la famille', 'Outro familiar', 'Ndugu mwingine', 'قريب آخر'),
      UNRELATED_ADULT: t('An adult who is not family', 'Un adulte qui n’est pas de la famille', 'Um adulto que não é da família', 'Mtu mzima ambaye si ndugu', 'شخص بالغ ليس من الأقارب'),
      NONE: t('No one', 'Personne', 'Ninguém', 'Hakuna mtu', 'لا أحد'),
    },
    showWhen: { answer: 'caregiver_present', answered: true },
  }),
  Q(
    'caregiver_relationship_verified',
    'CHILD',
    'BOOLEAN',
    t(
      'Relationship to the accompanying adult verified',
      'Lien avec l’adulte qui accompagne vérifié',
      'Relação com o adulto que acompanha verificada',
      'Uhusiano na mtu mzima anayeandamana naye umethibitishwa',
      'تمّ التحقق من صلة الطفل بالبالغ المرافق',
    ),
    { showWhen: { answer: 'caregiver_present', answered: true } },
  ),
  Q(
    'adult_claims_relationship_unverified',
    'CHILD',
    'BOOLEAN',
    t(
      'An adult claims to be the child’s relative or caregiver, and the claim is not verified',
      'Un adulte dit être de la famille de l’enfant ou s’occuper de lui, et ce n’est pas vérifié',
      'Um adulto diz ser familiar ou cuidador da criança, e isso não está verificado',
      'Mtu mzima anadai kuwa ndugu au mlezi wa mtoto, na madai hayo hayajathibitishwa',
      'شخص بالغ يدّعي أنه قريب الطفل أو من يرعاه، ولم يُتحقَّق من ذلك',
    ),
    { showWhen: MAY_BE_CHILD },
  ),
  Q(
    'adult_answers_for_child',
    'CHILD',
    'BOOLEAN',
    t('An adult answers for the child', 'Un adulte répond à la place de l’enfant', 'Um adulto responde pela criança', 'Mtu mzima anajibu kwa niaba ya mtoto', 'شخص بالغ يجيب نيابةً عن الطفل'),
    { showWhen: MAY_BE_CHILD },
  ),
  Q(
    'adult_holds_child_documents',
    'CHILD',
    'BOOLEAN',
    t('An adult holds the child’s documents', 'Un adulte garde les documents de l’enfant', 'Um adulto tem os documentos da criança', 'Mtu mzima anashikilia nyaraka za mtoto', 'شخص بالغ يحتفظ بوثائق الطفل'),
    { showWhen: MAY_BE_CHILD },
  ),
  Q('child_married', 'CHILD', 'BOOLEAN', t('Child spouse (the child is married)', 'Enfant marié', 'Criança casada', 'Mtoto aliye kwenye ndoa', 'طفل متزوج'), { showWhen: MAY_BE_CHILD }),
  Q('child_is_parent', 'CHILD', 'BOOLEAN', t('Child parent (the child has a child)', 'Enfant qui a lui-même un enfant', 'Criança que já tem um filho', 'Mtoto ambaye tayari ana mtoto', 'طفل لديه طفل'), { showWhen: MAY_BE_CHILD }),
  Q('child_labour', 'CHILD', 'BOOLEAN', t('Child labour', 'Travail des enfants', 'Trabalho infantil', 'Ajira ya watoto', 'عمل الأطفال'), { showWhen: MAY_BE_CHILD }),
  Q(
    'associated_with_armed_group',
    'CHILD',
    'BOOLEAN',
    t(
      'Associated with armed forces or groups',
      'Associé à des forces ou groupes armés',
      'Associado a forças ou grupos armados',
      'Amehusishwa na vikosi au makundi yenye silaha',
      'مرتبط بقوات أو جماعات مسلحة',
    ),
    { showWhen: MAY_BE_CHILD },
  ),

  // Asylum (encrypted).
  Q('fear_of_return', 'ASYLUM', 'BOOLEAN', t('Are you afraid to go back?', 'Avez-vous peur de retourner dans votre pays ?', 'Tem medo de voltar ao seu país?', 'Je, unaogopa kurudi nchini kwako?', 'هل تخاف من العودة إلى بلدك؟')),
  Q('fear_reasons', 'ASYLUM', 'MULTI_CHOICE', t('What are you afraid of?', 'De quoi avez-vous peur ?', 'De que tem medo?', 'Unaogopa nini?', 'ممّ تخاف؟'), {
    options: {
      PERSECUTION,
      CONFLICT,
      GENERALISED_VIOLENCE,
      THREAT_TO_LIFE: t('A threat to my life', 'Une menace pour ma vie', 'Uma ameaça à minha vida', 'Tishio kwa maisha yangu', 'تهديد لحياتي'),
      THREAT_TO_FREEDOM: t('A threat to my freedom', 'Une menace pour ma liberté', 'Uma ameaça à minha liberdade', 'Tishio kwa uhuru wangu', 'تهديد لحريتي'),
      OTHER,
    },
    showWhen: yes('fear_of_return'),
  }),
  Q(
    'asylum_wish_expressed',
    'ASYLUM',
    'BOOLEAN',
    t(
      'Wish to seek asylum expressed, in any words',
      'Souhait de demander l’asile exprimé, quels que soient les mots',
      'Manifestou a vontade de pedir asilo, por quaisquer palavras',
      'Ameeleza nia ya kuomba hifadhi, kwa maneno yoyote',
      'أعرب عن رغبته في التماس اللجوء، بأيّ كلمات كانت',
    ),
  ),
  Q('asylum_wish_words', 'ASYLUM', 'TEXT', t('The words used', 'Les mots employés', 'As palavras usadas', 'Maneno aliyotumia', 'الكلمات التي استخدمها'), {
    maxLength: 1_000,
    showWhen: yes('asylum_wish_expressed'),
  }),
  Q(
    'refugee_documents_elsewhere',
    'ASYLUM',
    'BOOLEAN',
    t(
      'Holds refugee documents from another country',
      'A des documents de réfugié d’un autre pays',
      'Tem documentos de refugiado de outro país',
      'Ana nyaraka za ukimbizi kutoka nchi nyingine',
      'يحمل وثائق لاجئ من بلد آخر',
    ),
  ),
  Q('asylum_statement', 'ASYLUM', 'TEXT', t('What happened (the person’s account)', 'Ce qui s’est passé (le récit de la personne)', 'O que aconteceu (o relato da pessoa)', 'Kilichotokea (maelezo ya mtu mwenyewe)', 'ما الذي حدث (رواية الشخص)')),

  // Trafficking and smuggling abuse (encrypted).
  Q('others_speak_for_person', 'TRAFFICKING', 'BOOLEAN', t('Others speak for the person', 'D’autres parlent à la place de la personne', 'Outros falam pela pessoa', 'Watu wengine wanazungumza kwa niaba yake', 'آخرون يتكلّمون نيابةً عن الشخص')),
  Q('movement_controlled', 'TRAFFICKING', 'BOOLEAN', t('Movement controlled by others', 'Déplacements contrôlés par d’autres', 'Deslocações controladas por outros', 'Watu wengine wanadhibiti anakokwenda', 'آخرون يتحكّمون في تنقّلاته')),
  Q('threatened', 'TRAFFICKING', 'BOOLEAN', t('Threats against the person or family', 'Menaces contre la personne ou sa famille', 'Ameaças contra a pessoa ou a família', 'Vitisho dhidi yake au familia yake', 'تهديدات ضد الشخص أو أسرته')),
  Q(
    'debt_bondage',
    'TRAFFICKING',
    'BOOLEAN',
    t(
      'Must work to pay off a debt to those who organised the journey or the work, or their contacts (debt bondage)',
      'Doit travailler pour rembourser une dette envers ceux qui ont organisé le voyage ou le travail, ou leurs contacts (servitude pour dettes)',
      'Tem de trabalhar para pagar uma dívida a quem organizou a viagem ou o trabalho, ou aos seus contactos (servidão por dívidas)',
      'Lazima afanye kazi kulipa deni kwa waliopanga safari au kazi, au watu wao (utumwa wa deni)',
      'مُجبَر على العمل لسداد دين لمن نظّموا الرحلة أو العمل أو لمعارفهم (عبودية الدَّين)',
    ),
  ),
  Q('deceived_about_job', 'TRAFFICKING', 'BOOLEAN', t('Deceived about the job or conditions', 'Trompé sur le travail ou les conditions', 'Enganado sobre o trabalho ou as condições', 'Alidanganywa kuhusu kazi au masharti yake', 'تعرّض للخداع بشأن العمل أو ظروفه')),
  Q('little_or_no_pay', 'TRAFFICKING', 'BOOLEAN', t('Little or no pay', 'Peu ou pas payé', 'Pouco ou nenhum pagamento', 'Malipo kidogo au hakuna malipo', 'أجر زهيد أو بلا أجر')),
  Q('sexual_exploitation', 'TRAFFICKING', 'BOOLEAN', t('Sexual exploitation', 'Exploitation sexuelle', 'Exploração sexual', 'Unyonyaji wa kingono', 'استغلال جنسي')),
  Q(
    'injuries_from_control',
    'TRAFFICKING',
    'BOOLEAN',
    t('Injuries from control or punishment', 'Blessures dues au contrôle ou à des punitions', 'Ferimentos causados por controlo ou castigo', 'Majeraha kutokana na kudhibitiwa au kuadhibiwa', 'إصابات ناتجة عن السيطرة أو العقاب'),
  ),
  Q('held_for_ransom', 'TRAFFICKING', 'BOOLEAN', t('Held for ransom on the way', 'Retenu contre rançon pendant le voyage', 'Retido para resgate durante a viagem', 'Alishikiliwa njiani ili fidia ilipwe', 'احتُجز مقابل فدية أثناء الطريق')),
  Q('family_extorted', 'TRAFFICKING', 'BOOLEAN', t('Family extorted', 'Famille victime d’extorsion', 'Família extorquida', 'Familia ililazimishwa kutoa pesa', 'ابتُزّت أسرته')),
  Q('abandoned_en_route', 'TRAFFICKING', 'BOOLEAN', t('Abandoned on the way', 'Abandonné en chemin', 'Abandonado pelo caminho', 'Aliachwa njiani', 'تُرك في الطريق')),
  Q(
    'beaten_or_robbed',
    'TRAFFICKING',
    'BOOLEAN',
    t(
      'Beaten or robbed by smugglers or officials',
      'Battu ou volé par des passeurs ou des agents',
      'Espancado ou roubado por passadores ou agentes',
      'Alipigwa au kuibiwa na wasafirishaji wa magendo au maafisa',
      'تعرّض للضرب أو السرقة على يد المهرّبين أو المسؤولين',
    ),
  ),
  Q('detained_in_transit', 'TRAFFICKING', 'BOOLEAN', t('Detained in a transit country', 'Détenu dans un pays de transit', 'Detido num país de trânsito', 'Aliwekwa kizuizini katika nchi aliyopitia', 'احتُجز في بلد عبور')),
  Q(
    'trafficked_before',
    'TRAFFICKING',
    'BOOLEAN',
    t(
      'Was trafficked before (at home or on the way)',
      'A déjà été victime de la traite (dans son pays ou en chemin)',
      'Já foi vítima de tráfico de pessoas (no seu país ou durante a viagem)',
      'Aliwahi kuwa mwathirika wa usafirishaji haramu wa binadamu (nyumbani au njiani)',
      'سبق أن كان ضحية للاتجار بالبشر (في بلده أو أثناء الطريق)',
    ),
  ),
  Q(
    'fears_traffickers_on_return',
    'TRAFFICKING',
    'BOOLEAN',
    t(
      'Afraid of the traffickers or their associates at home',
      'A peur des trafiquants ou de leurs complices dans son pays',
      'Tem medo dos traficantes ou dos seus cúmplices no seu país',
      'Anaogopa wasafirishaji haramu wa binadamu au washirika wao nyumbani',
      'يخاف من المتاجرين بالبشر أو شركائهم في بلده',
    ),
  ),
  Q(
    'journey_debt',
    'TRAFFICKING',
    'BOOLEAN',
    t(
      'Owes money for the journey (not to be worked off)',
      'Doit de l’argent pour le voyage (sans devoir travailler pour le rembourser)',
      'Deve dinheiro pela viagem (sem ter de trabalhar para o pagar)',
      'Ana deni la safari (si la kulipa kwa kufanya kazi)',
      'مَدين بمال مقابل الرحلة (دون أن يُلزَم بالعمل لسداده)',
    ),
  ),
  Q('trafficking_account', 'TRAFFICKING', 'TEXT', ACCOUNT, { showWhen: { any: TRAFFICKING_INDICATORS.map(yes) } }),

  // Health details (encrypted; the triage level above is not).
  Q('health_need', 'HEALTH', 'TEXT', t('The health need', 'Le besoin de santé', 'A necessidade de saúde', 'Hitaji la afya', 'الحاجة الصحية'), { maxLength: 2_000 }),
  Q('injured', 'HEALTH', 'BOOLEAN', t('Injured', 'Blessé', 'Ferido', 'Amejeruhiwa', 'مصاب')),
  Q('critical_condition', 'HEALTH', 'BOOLEAN', t('Critical condition', 'État critique', 'Estado crítico', 'Hali mahututi', 'حالة حرجة')),
  Q(
    'chronic_illness_without_medication',
    'HEALTH',
    'BOOLEAN',
    t('Chronic illness, without the medication for it', 'Maladie chronique, sans les médicaments nécessaires', 'Doença crónica, sem a medicação necessária', 'Ugonjwa sugu, bila dawa zake', 'مرض مزمن دون الدواء اللازم له'),
  ),
  Q('pregnancy_complication', 'HEALTH', 'BOOLEAN', t('Pregnancy complication', 'Complication de grossesse', 'Complicação na gravidez', 'Matatizo ya ujauzito', 'مضاعفات الحمل'), { showWhen: MAY_BE_PREGNANT }),

  // Torture (encrypted).
  Q('torture_reported', 'TORTURE', 'BOOLEAN', t('Torture reported', 'Torture signalée', 'Tortura referida', 'Mateso yameripotiwa', 'أُبلغ عن تعذيب')),
  Q(
    'scars_attributed_to_torture',
    'TORTURE',
    'BOOLEAN',
    t('Scars or impairment attributed to torture', 'Cicatrices ou séquelles attribuées à la torture', 'Cicatrizes ou sequelas atribuídas a tortura', 'Makovu au ulemavu unaotokana na mateso', 'ندوب أو إعاقة تُعزى إلى التعذيب'),
  ),
  Q('forced_to_commit_acts', 'TORTURE', 'BOOLEAN', t('Forced to commit acts', 'Contraint de commettre des actes', 'Forçado a cometer atos', 'Alilazimishwa kutenda vitendo', 'أُجبر على ارتكاب أفعال')),
  Q('witnessed_killings', 'TORTURE', 'BOOLEAN', t('Witnessed killings', 'A été témoin de meurtres', 'Testemunhou assassinatos', 'Alishuhudia mauaji', 'شهد عمليات قتل')),
  Q('torture_account', 'TORTURE', 'TEXT', ACCOUNT, { showWhen: { any: TORTURE_INDICATORS.map(yes) } }),

  // Sexual and gender-based violence (encrypted).
  Q('sexual_violence_disclosed', 'SGBV', 'BOOLEAN', t('Sexual violence disclosed', 'Violence sexuelle révélée', 'Violência sexual revelada', 'Ukatili wa kingono umeelezwa', 'أفصح عن عنف جنسي')),
  Q(
    'sexual_violence_hours_ago',
    'SGBV',
    'INTEGER',
    t('How many hours ago (if recent)', 'Il y a combien d’heures (si c’est récent)', 'Há quantas horas (se foi recente)', 'Saa ngapi zimepita (kama ni karibuni)', 'منذ كم ساعة (إن كان ذلك حديثاً)'),
    { min: 0, max: 100_000, showWhen: yes('sexual_violence_disclosed') },
  ),
  Q('forced_or_early_marriage', 'SGBV', 'BOOLEAN', t('Forced or early marriage', 'Mariage forcé ou précoce', 'Casamento forçado ou precoce', 'Ndoa ya lazima au ya utotoni', 'زواج قسري أو مبكر')),
  Q('fgm', 'SGBV', 'BOOLEAN', t('Female genital mutilation', 'Mutilation génitale féminine', 'Mutilação genital feminina', 'Ukeketaji', 'تشويه الأعضاء التناسلية الأنثوية')),
  Q('survival_sex', 'SGBV', 'BOOLEAN', t('Survival sex', 'Relations sexuelles de survie', 'Sexo de sobrevivência', 'Ngono ya kujikimu', 'ممارسة الجنس من أجل البقاء')),
  Q('sgbv_account', 'SGBV', 'TEXT', ACCOUNT, { showWhen: { any: SGBV_INDICATORS.map(yes) } }),
];

/** Version 3: version 2's questions in every language of the web app, each asked only when it applies. */
export const QUESTIONNAIRE_V3: Questionnaire = {
  code: 'kivuko-screening',
  version: 3,
  languages: ['en', 'fr', 'pt', 'sw', 'ar'],
  groups: GROUPS,
  questions: QUESTIONS,
};
