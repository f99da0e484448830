/**
 * Names for generated families, by heritage. Each family draws from one pool, so siblings and parents look
 * related, and a school gets the awkward names a real MIS holds: apostrophes (O'Brien, D'Souza), accents
 * (Zoë, José, Siân, Łukasz), hyphens, and names recorded in their own script (Chinese, Arabic, Cyrillic,
 * Greek) with a Latin form kept for email handles.
 */

/** A name as recorded, with its Latin form (the same string for Latin-script names). */
export interface PoolName {
  readonly text: string;
  readonly latin: string;
}

export interface NamePool {
  readonly key: string;
  /** Share of families, relative to the other pools. */
  readonly weight: number;
  readonly female: readonly PoolName[];
  readonly male: readonly PoolName[];
  readonly surnames: readonly PoolName[];
  /** True when `text` is in a non-Latin script (the MIS sometimes records the native form). */
  readonly nativeScript: boolean;
  readonly firstLanguage: string;
  /** DfE ethnicity code. */
  readonly ethnicity: string;
  /** Chance a child of this pool is recorded as EAL. */
  readonly ealRate: number;
}

const latin = (names: string): PoolName[] => names.split(',').map((text) => ({ text, latin: text }));
/** 'Wei=伟,Jing=静': Latin form, then the native script. */
const script = (pairs: string): PoolName[] =>
  pairs.split(',').map((pair) => {
    const [latinForm = '', native = ''] = pair.split('=');
    return { text: native, latin: latinForm };
  });

function pool(
  key: string,
  weight: number,
  names: { female: PoolName[]; male: PoolName[]; surnames: PoolName[] },
  detail: { firstLanguage: string; ethnicity: string; ealRate: number; nativeScript?: boolean },
): NamePool {
  return { key, weight, ...names, nativeScript: detail.nativeScript ?? false, ...detail };
}

export const NAME_POOLS: readonly NamePool[] = [
  pool(
    'british',
    62,
    {
      female: latin(
        'Olivia,Amelia,Isla,Ava,Ivy,Freya,Lily,Florence,Mia,Willow,Rosie,Sophia,Isabella,Grace,Daisy,Sienna,' +
          'Poppy,Elsie,Emily,Ella,Evelyn,Phoebe,Sofia,Evie,Charlotte,Harper,Millie,Matilda,Ruby,Sophie,Alice,' +
          'Jessica,Hannah,Lucy,Chloe,Megan,Holly,Katie,Emma,Sarah,Laura,Rebecca,Gemma,Claire,Nicola,Joanne,' +
          'Lily-Mae,Ella-Rose,Mary-Jane,Zoë,Chloë,Niamh,Aoife',
      ),
      male: latin(
        'Noah,Oliver,George,Arthur,Muhammad,Leo,Harry,Oscar,Archie,Henry,Theodore,Freddie,Jack,Charlie,Theo,' +
          'Alfie,Jacob,Thomas,Finley,Arlo,William,Lucas,Roman,Tommy,Isaac,Teddy,Edward,James,Joshua,Daniel,' +
          'Matthew,Ryan,Liam,Callum,Kieran,Jamie,Craig,Darren,Lee,Mark,Paul,Stephen,Gareth,Rhys,Billy-Joe,' +
          'Jean-Paul,Seán,Ciarán',
      ),
      surnames: latin(
        'Smith,Jones,Taylor,Brown,Williams,Wilson,Johnson,Davies,Robinson,Wright,Thompson,Evans,Walker,White,' +
          'Roberts,Green,Hall,Wood,Jackson,Clarke,Patel,Harris,Lewis,Martin,Cooper,King,Baker,Harrison,Morgan,' +
          'Allen,Young,Hughes,Edwards,Hill,Moore,Clark,Turner,Scott,Ward,Watson,Morris,Parker,Price,Bennett,' +
          'Griffiths,Cook,Bailey,Carter,Phillips,Mitchell,Shaw,Lloyd,Ellis,Richardson,Russell,Marshall,Foster,' +
          'Chapman,Mason,Webb,Hunt,Holmes,Barnes,Knight,Fletcher,Armstrong,Pearce,Burton,Hussain,Ahmed,' +
          'Ashworth-Hughes,Lloyd-Webber,Smith-Jones,Fairfax-Lucy,McDonald,MacKenzie,Fitzgerald',
      ),
    },
    { firstLanguage: 'English', ethnicity: 'WBRI', ealRate: 0.04 },
  ),
  pool(
    'irish',
    6,
    {
      female: latin('Siobhán,Niamh,Aoife,Saoirse,Róisín,Orla,Ciara,Clodagh,Sinéad,Áine,Caoimhe,Éabha'),
      male: latin('Seán,Ciarán,Oisín,Cillian,Pádraig,Eoin,Darragh,Conor,Cathal,Tadhg,Ronan,Fionn'),
      surnames: latin(
        "O'Brien,O'Connor,O'Neill,O'Sullivan,O'Reilly,O'Donnell,O'Mahony,Ó Briain,McCarthy,Murphy,Kelly,Walsh",
      ),
    },
    { firstLanguage: 'English', ethnicity: 'WIRI', ealRate: 0.02 },
  ),
  pool(
    'welsh',
    3,
    {
      female: latin('Siân,Rhian,Angharad,Ffion,Cerys,Eluned,Gwenllïan,Nia,Mererid,Lowri'),
      male: latin('Dafydd,Rhys,Gethin,Iolo,Gareth,Emyr,Ioan,Llŷr,Aled,Huw'),
      surnames: latin(
        'Jones,Davies,Williams,Evans,Pritchard,Llewellyn,Griffiths,Morgan,Rees,Prosser,ap Rhys',
      ),
    },
    { firstLanguage: 'English', ethnicity: 'WBRI', ealRate: 0.02 },
  ),
  pool(
    'polish',
    6,
    {
      female: latin('Zofia,Małgorzata,Agnieszka,Joanna,Katarzyna,Łucja,Weronika,Zuzanna,Wiktoria,Alicja'),
      male: latin('Łukasz,Paweł,Michał,Wojciech,Jakub,Mikołaj,Krzysztof,Tomasz,Piotr,Jędrzej'),
      surnames: latin(
        'Nowak,Wójcik,Kowalczyk,Mazur,Krawczyk,Zając,Król,Wróbel,Dąbrowski,Wiśniewski,Lewandowski',
      ),
    },
    { firstLanguage: 'Polish', ethnicity: 'WOTH', ealRate: 0.7 },
  ),
  pool(
    'south-asian',
    8,
    {
      female: latin('Priya,Ananya,Aisha,Fatima,Zara,Amira,Maryam,Inaaya,Anika,Simran,Noor,Sana'),
      male: latin('Aarav,Arjun,Rohan,Vikram,Mohammed,Ibrahim,Yusuf,Zain,Ayaan,Hamza,Kabir,Rayan'),
      surnames: latin(
        "Patel,Shah,Khan,Hussain,Ahmed,Begum,Singh,Kaur,Chowdhury,D'Souza,D'Costa,Mistry,Rahman",
      ),
    },
    { firstLanguage: 'Urdu', ethnicity: 'APKN', ealRate: 0.45 },
  ),
  pool(
    'african-caribbean',
    5,
    {
      female: latin('Amara,Chiamaka,Adaeze,Ife,Abena,Nia,Zuri,Imani,Tiwa,Folake'),
      male: latin('Chidi,Kwame,Tunde,Femi,Kofi,Jaden,Malachi,Tobi,Emeka,Kayode'),
      surnames: latin('Okafor,Adeyemi,Mensah,Boateng,Okonkwo,Campbell,Clarke,Francis,Oyelaran-Smith,Asante'),
    },
    { firstLanguage: 'English', ethnicity: 'BAFR', ealRate: 0.25 },
  ),
  pool(
    'european',
    4,
    {
      female: latin('María,Zoë,Chloé,Renée,Inês,Ana,Léa,Björk,Søs,Agnès,Lucía,Fátima'),
      male: latin('José,André,François,Björn,Søren,João,Gonçalo,Jürgen,Noël,Iñaki,Raphaël,Tomás'),
      surnames: latin(
        'Núñez,García,Müller,Dubois,Ferreira,Gonçalves,Fernández,Rossi,Lefèvre,Østergaard,Peña',
      ),
    },
    { firstLanguage: 'Portuguese', ethnicity: 'WOTH', ealRate: 0.55 },
  ),
  pool(
    'chinese',
    3,
    {
      female: script('Jing=静,Mei=梅,Li Na=丽娜,Xiu Ying=秀英,Yan=燕,Hui=慧'),
      male: script('Wei=伟,Hao=浩,Yu=宇,Jun=军,Ming=明,Lei=磊'),
      surnames: script('Wang=王,Li=李,Zhang=张,Chen=陈,Liu=刘,Huang=黄'),
    },
    { firstLanguage: 'Chinese', ethnicity: 'CHNE', ealRate: 0.75, nativeScript: true },
  ),
  pool(
    'arabic',
    2,
    {
      female: script('Layla=ليلى,Mariam=مريم,Nour=نور,Huda=هدى,Rania=رانيا'),
      male: script('Omar=عمر,Youssef=يوسف,Karim=كريم,Khaled=خالد,Tariq=طارق'),
      surnames: script('Haddad=حداد,Mansour=منصور,Khalil=خليل,Nasser=ناصر,Saleh=صالح'),
    },
    { firstLanguage: 'Arabic', ethnicity: 'OOTH', ealRate: 0.8, nativeScript: true },
  ),
  pool(
    'cyrillic',
    2,
    {
      female: script('Anastasia=Анастасія,Olga=Ольга,Yulia=Юлія,Daria=Дарія,Sofiia=Софія'),
      male: script('Dmytro=Дмитро,Ivan=Іван,Oleksandr=Олександр,Maksym=Максим,Andrii=Андрій'),
      surnames: script('Shevchenko=Шевченко,Petrenko=Петренко,Kovalenko=Коваленко,Bondarenko=Бондаренко'),
    },
    { firstLanguage: 'Ukrainian', ethnicity: 'WOTH', ealRate: 0.85, nativeScript: true },
  ),
  pool(
    'greek',
    1,
    {
      female: script('Eleni=Ελένη,Maria=Μαρία,Sofia=Σοφία,Katerina=Κατερίνα'),
      male: script('Giorgos=Γιώργος,Nikos=Νίκος,Dimitris=Δημήτρης,Kostas=Κώστας'),
      surnames: script('Papadopoulos=Παπαδόπουλος,Georgiou=Γεωργίου,Nikolaou=Νικολάου,Christou=Χρήστου'),
    },
    { firstLanguage: 'Greek', ethnicity: 'WOTH', ealRate: 0.6, nativeScript: true },
  ),
];

export const BRITISH_POOL = NAME_POOLS[0] as NamePool;
