/**
 * Invented names in the scripts a UK, EU or US clinic meets: Latin with accents, Vietnamese,
 * Greek, Cyrillic, Arabic, Chinese. Combined at random, they name no real person.
 */
export const firstNames = [
  'Zoë', 'Amélie', 'Chloé', 'Léa', 'Mia', 'Olivia', 'Amara', 'Siobhán', 'Aoife', 'Noémie', 'Inès', 'Maëlle', 'Björk', 'Søren',
  'Łucja', 'Zofia', 'Ana', 'José', 'Joaquín', 'Renée', 'Priya', 'Aisha', 'Fatima', 'Yasmin', 'Grace', 'Hannah', 'Emily', 'Sophie',
  'Ruby', 'Isla', 'Freya', 'Nguyệt', 'Thảo', 'Linh', 'Mai', 'Ελένη', 'Σοφία', 'Μαρία', 'Анна', 'Мария', 'Иван', 'Ольга', 'Наталья',
  'فاطمة', 'ليلى', 'محمد', '美玲', '晓燕', 'Kemi', 'Chiamaka', 'Tomás', 'Niamh', 'Eilidh', 'Ffion', 'Cerys', 'Jürgen', 'Zoe', 'Daniel',
];

export const lastNames = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Müller', 'Schäfer',
  'Dubois', 'Lefèvre', 'García', 'Martínez', 'Núñez', 'O\'Brien', 'Ó Súilleabháin', 'MacLeòid', 'Kowalska', 'Wiśniewska', 'Jørgensen',
  'Åberg', 'Papadopoulou', 'Παπαδοπούλου', 'Γεωργίου', 'Иванова', 'Петрова', 'Смирнова', 'Kuznetsova', 'العلي', 'حداد', 'Haddad',
  'Khan', 'Patel', 'Shah', 'Okafor', 'Adeyemi', 'Mensah', '王', '李', 'Chen', 'Wong', 'Kim', 'Park', 'Sato', 'Rossi', 'Bianchi',
  'Ferreira', 'Gonçalves', 'Öztürk', 'Yılmaz', 'Novák', 'Dvořák', 'Horváth', 'Lindqvist', 'Virtanen',
];

export const streets = ['High Street', 'Station Road', 'Church Lane', 'Mill Road', 'Park Avenue', 'Rue des Lilas', 'Kingsway', 'Victoria Road'];
export const towns = ['Bristol', 'Leeds', 'Cardiff', 'Brighton', 'York', 'Bath', 'Norwich', 'Exeter', 'Belfast', 'Glasgow'];
export const referralSources = ['Instagram', 'Friend', 'Google', 'Walk-in', 'GP', 'Returning client', ''];
export const serums = ['Hyaluronic acid serum', 'Peptide serum', 'Growth factor serum', 'Vitamin B5 serum'];
