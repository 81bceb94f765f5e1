/**
 * Vietnamese stop syllables for jusText-style stop-word density (boilerplate.ts).
 *
 * Vietnamese is written one syllable per space-separated token, so the list is of
 * syllables: function words, pronouns, copulas, aspect and modal markers, prepositions,
 * conjunctions, classifiers and quantifiers. Running prose in news articles has roughly a
 * quarter to a third of its syllables in this list; menus, headings, counters and
 * credits have few or none. Written in lowercase NFC; lookups fold case and tone placement.
 */
export const VIETNAMESE_STOP_SYLLABLES: readonly string[] = [
  // conjunctions and discourse links
  'và', 'với', 'hay', 'hoặc', 'nhưng', 'mà', 'thì', 'nên', 'vì', 'do', 'nếu', 'tuy', 'dù', 'song',
  'còn', 'cũng', 'lại', 'vậy', 'như', 'nhằm', 'để', 'rằng', 'là', 'khi', 'trong', 'ngoài',
  // prepositions and relational words
  'của', 'cho', 'tại', 'từ', 'đến', 'tới', 'về', 'theo', 'trên', 'dưới', 'sau', 'trước', 'giữa',
  'qua', 'bằng', 'vào', 'ra', 'lên', 'xuống', 'đối', 'với', 'cùng', 'bên', 'thuộc', 'gồm',
  // aspect, modality, negation, degree
  'đã', 'đang', 'sẽ', 'vẫn', 'đều', 'chưa', 'không', 'chẳng', 'chớ', 'có', 'được', 'bị', 'phải',
  'cần', 'nên', 'rất', 'hơn', 'nhất', 'quá', 'lắm', 'thêm', 'chỉ', 'ngay', 'luôn', 'thường',
  'vừa', 'mới', 'từng', 'đây', 'đó', 'kia', 'này', 'ấy', 'nào', 'gì', 'sao',
  // quantifiers, classifiers, determiners
  'các', 'những', 'mọi', 'mỗi', 'từng', 'một', 'hai', 'ba', 'nhiều', 'ít', 'số', 'toàn', 'cả',
  'việc', 'sự', 'cuộc', 'nhau', 'chính', 'điều', 'cái', 'con', 'chiếc',
  // pronouns and person words
  'tôi', 'chúng', 'ta', 'mình', 'họ', 'nó', 'ông', 'bà', 'anh', 'chị', 'em', 'người', 'ai',
  // light verbs
  'làm', 'nói', 'thấy', 'biết', 'trở', 'thành',
  // more place, time and linking words of news prose
  'ở', 'nay', 'bởi', 'nhờ', 'rồi', 'nữa', 'chứ', 'thế', 'hết', 'lúc', 'hiện', 'hãy',
];
