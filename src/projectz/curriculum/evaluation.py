"""The standard evaluation form: the same questions after every training, so scores compare.

Question 1 defines the `score` a held session reports and the results page averages: the mean
of the participants' marks, with one decimal.
"""

from dataclasses import dataclass
from typing import Literal

QuestionKind = Literal["mark", "agreement", "open"]


@dataclass(frozen=True)
class EvaluationQuestion:
    text: str
    kind: QuestionKind


SCORE_QUESTION = EvaluationQuestion("Welk cijfer geef je deze training? (1 = zeer slecht, 10 = uitstekend)", "mark")
QUESTIONS = (
    SCORE_QUESTION,
    EvaluationQuestion("De training sloot aan bij mijn werk.", "agreement"),
    EvaluationQuestion("De trainer legde duidelijk uit.", "agreement"),
    EvaluationQuestion("De oefeningen hielpen mij om het te leren.", "agreement"),
    EvaluationQuestion("Ik kan wat ik geleerd heb binnen een maand gebruiken in mijn werk.", "agreement"),
    EvaluationQuestion("Welke twee dingen ga je doen na deze training?", "open"),
    EvaluationQuestion("Wat kan beter aan deze training?", "open"),
)
AGREEMENT_SCALE = ("Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens")
# Before and after, per learning objective: how well do you master it, from 1 (not yet) to 5 (well)?
SELF_RATING_POINTS = range(1, 6)
SCORE_NUMBER = QUESTIONS.index(SCORE_QUESTION) + 1
