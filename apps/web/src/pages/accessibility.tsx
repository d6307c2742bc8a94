// The accessibility statement (issue 21 item 14): the standard the app aims at, how it is checked,
// known limits and whom to tell. Its prose is page content, so it lives here in both languages
// rather than in the message catalogue.
import { type Lang, useI18n } from '../i18n.tsx';

type Statement = {
  title: string;
  intro: string;
  doneTitle: string;
  done: readonly string[];
  limitsTitle: string;
  limits: readonly string[];
  contactTitle: string;
  contact: string;
};

const STATEMENTS: Record<Lang, Statement> = {
  id: {
    title: 'Pernyataan aksesibilitas',
    intro:
      'Pemerintah Kota Sawahlunto berupaya agar Layanan dapat digunakan oleh semua warga, termasuk penyandang disabilitas (UU 8/2016 tentang Penyandang Disabilitas). Kami menargetkan kesesuaian dengan WCAG 2.1 tingkat AA.',
    doneTitle: 'Yang sudah kami lakukan',
    done: [
      'Setiap halaman diperiksa otomatis dengan axe-core pada setiap perubahan, di layar lebar dan di layar ponsel, untuk warga, petugas, atasan dan admin.',
      'Semua tindakan dapat dilakukan dengan papan ketik; fokus selalu terlihat, dan tautan "Langsung ke isi" melompati menu.',
      'Setiap isian formulir berlabel, dan pesan kesalahan ditautkan ke isiannya.',
      'Kontras warna teks memenuhi rasio minimal 4,5:1, juga saat tombol disorot atau ditekan.',
      'Aplikasi tersedia dalam Bahasa Indonesia dan bahasa Inggris.',
    ],
    limitsTitle: 'Keterbatasan yang diketahui',
    limits: [
      'Grafik statistik belum dapat dijelajahi per titik dengan pembaca layar.',
      'Dokumen yang diunggah pemohon tidak kami periksa aksesibilitasnya.',
    ],
    contactTitle: 'Sampaikan kendala',
    contact:
      'Jika Anda menemui kendala aksesibilitas, sampaikan melalui forum warga atau SP4N-LAPOR!, sebutkan halaman dan perangkat yang Anda gunakan.',
  },
  en: {
    title: 'Accessibility statement',
    intro:
      'The City of Sawahlunto wants Layanan to be usable by every resident, including people with disabilities (Law 8/2016 on Persons with Disabilities). We aim to conform to WCAG 2.1 level AA.',
    doneTitle: 'What we do',
    done: [
      'Every page is checked automatically with axe-core on every change, at desktop and phone width, for citizens, staff, supervisors and admins.',
      'Every action can be taken with the keyboard; focus is always visible, and a "Skip to content" link skips the menu.',
      'Every form field has a label, and error messages are tied to their field.',
      'Text colour contrast meets a ratio of at least 4.5:1, also on hovered and pressed buttons.',
      'The app is available in Indonesian and English.',
    ],
    limitsTitle: 'Known limitations',
    limits: [
      'Statistics charts cannot yet be explored point by point with a screen reader.',
      'We do not check the accessibility of documents uploaded by applicants.',
    ],
    contactTitle: 'Report a problem',
    contact:
      'If you meet an accessibility barrier, tell us through the citizen forum or SP4N-LAPOR!, naming the page and the device you use.',
  },
};

export function AccessibilityPage() {
  const { lang } = useI18n();
  const s = STATEMENTS[lang];
  return (
    <section className="narrow prose">
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      <h2>{s.doneTitle}</h2>
      <ul>
        {s.done.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>{s.limitsTitle}</h2>
      <ul>
        {s.limits.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <h2>{s.contactTitle}</h2>
      <p>{s.contact}</p>
    </section>
  );
}
