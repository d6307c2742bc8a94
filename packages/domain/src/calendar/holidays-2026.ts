import type { Holiday } from './working-calendar.js';

/**
 * Indonesia's 2026 national holidays (17) and cuti bersama days (8).
 *
 * Source: SKB (joint decree) of the Minister of Religious Affairs, the Minister of Manpower and the
 * Minister of PANRB No. 1497/2025, 2/2025, 5/2025 on national holidays and collective leave for
 * 2026, as published by the government and reported consistently by several Indonesian outlets.
 * Copied from the project's shared data file `data/holidays-id-2026.json`.
 *
 * This is seed data: the running system keeps the calendar in its database, where an
 * administrator can correct it or add local holidays.
 */
export const HOLIDAYS_ID_2026 = {
  year: 2026,
  source:
    'SKB Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB No. 1497/2025, 2/2025, 5/2025 on national holidays and collective leave for 2026 (17 national holidays, 8 cuti bersama days).',
  holidays: [
    { date: '2026-01-01', kind: 'NATIONAL', name: 'Tahun Baru 2026 Masehi' },
    { date: '2026-01-16', kind: 'NATIONAL', name: 'Isra Mikraj Nabi Muhammad SAW' },
    { date: '2026-02-16', kind: 'CUTI_BERSAMA', name: 'Cuti bersama Tahun Baru Imlek' },
    { date: '2026-02-17', kind: 'NATIONAL', name: 'Tahun Baru Imlek 2577 Kongzili' },
    { date: '2026-03-18', kind: 'CUTI_BERSAMA', name: 'Cuti bersama Hari Suci Nyepi' },
    { date: '2026-03-19', kind: 'NATIONAL', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
    { date: '2026-03-20', kind: 'CUTI_BERSAMA', name: 'Cuti bersama Idul Fitri 1447 H' },
    { date: '2026-03-21', kind: 'NATIONAL', name: 'Idul Fitri 1447 H' },
    { date: '2026-03-22', kind: 'NATIONAL', name: 'Idul Fitri 1447 H' },
    { date: '2026-03-23', kind: 'CUTI_BERSAMA', name: 'Cuti bersama Idul Fitri 1447 H' },
    { date: '2026-03-24', kind: 'CUTI_BERSAMA', name: 'Cuti bersama Idul Fitri 1447 H' },
    { date: '2026-04-03', kind: 'NATIONAL', name: 'Wafat Yesus Kristus' },
    { date: '2026-04-05', kind: 'NATIONAL', name: 'Kebangkitan Yesus Kristus (Paskah)' },
    { date: '2026-05-01', kind: 'NATIONAL', name: 'Hari Buruh Internasional' },
    { date: '2026-05-14', kind: 'NATIONAL', name: 'Kenaikan Yesus Kristus' },
    { date: '2026-05-15', kind: 'CUTI_BERSAMA', name: 'Cuti bersama Kenaikan Yesus Kristus' },
    { date: '2026-05-27', kind: 'NATIONAL', name: 'Idul Adha 1447 H' },
    { date: '2026-05-28', kind: 'CUTI_BERSAMA', name: 'Cuti bersama Idul Adha 1447 H' },
    { date: '2026-05-31', kind: 'NATIONAL', name: 'Hari Raya Waisak 2570 BE' },
    { date: '2026-06-01', kind: 'NATIONAL', name: 'Hari Lahir Pancasila' },
    { date: '2026-06-16', kind: 'NATIONAL', name: '1 Muharam Tahun Baru Islam 1448 H' },
    { date: '2026-08-17', kind: 'NATIONAL', name: 'Proklamasi Kemerdekaan RI' },
    { date: '2026-08-25', kind: 'NATIONAL', name: 'Maulid Nabi Muhammad SAW' },
    { date: '2026-12-24', kind: 'CUTI_BERSAMA', name: 'Cuti bersama Natal' },
    { date: '2026-12-25', kind: 'NATIONAL', name: 'Kelahiran Yesus Kristus (Natal)' },
  ],
} as const satisfies { year: number; source: string; holidays: readonly Holiday[] };
