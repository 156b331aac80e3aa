/* Aula's multiple choice question: native form controls, so keyboards and screen readers
   work without extra ARIA. Radios when exactly one answer is right, checkboxes otherwise. */
var H5P = window.H5P = window.H5P || {};

H5P.AulaMultipleChoice = (function (EventDispatcher) {
  'use strict';

  var DEFAULTS = {
    checkAnswer: 'Check',
    tryAgain: 'Retry',
    correct: 'Correct!',
    incorrect: 'Not quite. Try again.',
    score: 'You got :num of :total points'
  };
  var instances = 0;

  function MultipleChoice(params, contentId, contentData) {
    EventDispatcher.call(this);
    params = params || {};
    this.contentId = contentId;
    this.question = params.question || '';
    this.answers = (params.answers || []).filter(function (answer) {
      return answer && typeof answer.text === 'string';
    }).map(function (answer) {
      return {text: answer.text, correct: answer.correct === true};
    });
    this.l10n = {};
    for (var key in DEFAULTS) {
      var text = params.l10n && params.l10n[key];
      this.l10n[key] = typeof text === 'string' && text ? text : DEFAULTS[key];
    }
    this.single = this.answers.filter(function (answer) { return answer.correct; }).length === 1;
    this.prefix = 'h5p-aula-mc-' + String(contentId).replace(/[^\w-]/g, '') + '-' + (++instances);
    this.selected = [];
    this.checked = false;
    this.inputs = [];

    var state = contentData && contentData.previousState;
    if (typeof state === 'string') {
      try { state = JSON.parse(state); } catch (e) { state = null; }
    }
    if (state && Array.isArray(state.answers)) {
      var count = this.answers.length;
      this.selected = state.answers.filter(function (index) {
        return typeof index === 'number' && index >= 0 && index < count;
      });
      this.checked = state.checked === true;
    }
  }

  MultipleChoice.prototype = Object.create(EventDispatcher.prototype);
  MultipleChoice.prototype.constructor = MultipleChoice;

  MultipleChoice.prototype.attach = function ($container) {
    var self = this;
    var container = $container && $container.get ? $container.get(0) : $container;
    container.classList.add('h5p-aula-mc');
    container.textContent = '';

    var fieldset = document.createElement('fieldset');
    var legend = document.createElement('legend');
    legend.textContent = this.question;
    fieldset.appendChild(legend);

    this.inputs = this.answers.map(function (answer, index) {
      var row = document.createElement('div');
      row.className = 'h5p-aula-mc-answer';
      var input = document.createElement('input');
      input.type = self.single ? 'radio' : 'checkbox';
      input.name = self.prefix;
      input.id = self.prefix + '-' + index;
      input.value = String(index);
      input.checked = self.selected.indexOf(index) !== -1;
      input.addEventListener('change', function () { self.selected = self.choices(); });
      var label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = answer.text;
      row.appendChild(input);
      row.appendChild(label);
      fieldset.appendChild(row);
      return input;
    });
    this.fieldset = fieldset;

    this.checkButton = button('h5p-aula-mc-check', this.l10n.checkAnswer, function () {
      self.check();
    });
    this.retryButton = button('h5p-aula-mc-retry', this.l10n.tryAgain, function () {
      self.resetTask();
      if (self.inputs.length) {
        self.inputs[0].focus();
      }
    });
    this.feedback = document.createElement('p');
    this.feedback.className = 'h5p-aula-mc-feedback';
    this.feedback.setAttribute('role', 'status');

    container.appendChild(fieldset);
    container.appendChild(this.checkButton);
    container.appendChild(this.retryButton);
    container.appendChild(this.feedback);
    this.render();
  };

  function button(className, text, onClick) {
    var element = document.createElement('button');
    element.type = 'button';
    element.className = 'h5p-aula-button ' + className;
    element.textContent = text;
    element.addEventListener('click', onClick);
    return element;
  }

  MultipleChoice.prototype.choices = function () {
    var chosen = [];
    this.inputs.forEach(function (input, index) {
      if (input.checked) {
        chosen.push(index);
      }
    });
    return chosen;
  };

  MultipleChoice.prototype.check = function () {
    this.selected = this.choices();
    this.checked = true;
    this.render();
    // The check button is now hidden: keep the keyboard user's place on the next action.
    this.retryButton.focus();
    this.triggerXAPIScored(this.getScore(), this.getMaxScore(), 'answered');
  };

  MultipleChoice.prototype.render = function () {
    if (!this.fieldset) {
      return;
    }
    var selected = this.selected;
    this.inputs.forEach(function (input, index) {
      input.checked = selected.indexOf(index) !== -1;
    });
    this.fieldset.disabled = this.checked;
    this.checkButton.hidden = this.checked;
    this.retryButton.hidden = !this.checked;
    if (this.checked) {
      var right = this.getScore() === this.getMaxScore();
      this.feedback.textContent = (right ? this.l10n.correct : this.l10n.incorrect) + ' ' +
        this.l10n.score.replace(':num', this.getScore()).replace(':total', this.getMaxScore());
      this.feedback.className = 'h5p-aula-mc-feedback ' + (right ? 'is-correct' : 'is-incorrect');
    }
    else {
      this.feedback.textContent = '';
      this.feedback.className = 'h5p-aula-mc-feedback';
    }
    this.trigger('resize');
  };

  MultipleChoice.prototype.getAnswerGiven = function () {
    return this.checked || this.selected.length > 0;
  };

  MultipleChoice.prototype.getScore = function () {
    if (!this.checked) {
      return 0;
    }
    var selected = this.selected;
    var exact = this.answers.every(function (answer, index) {
      return answer.correct === (selected.indexOf(index) !== -1);
    });
    return exact ? 1 : 0;
  };

  MultipleChoice.prototype.getMaxScore = function () {
    return 1;
  };

  MultipleChoice.prototype.getTitle = function () {
    return this.question;
  };

  MultipleChoice.prototype.getCurrentState = function () {
    return {answers: this.selected.slice(), checked: this.checked};
  };

  MultipleChoice.prototype.resetTask = function () {
    this.selected = [];
    this.checked = false;
    this.inputs.forEach(function (input) {
      input.parentNode.classList.remove('is-solution');
    });
    this.render();
  };

  MultipleChoice.prototype.showSolutions = function () {
    if (!this.fieldset) {
      return;
    }
    this.answers.forEach(function (answer, index) {
      this.inputs[index].parentNode.classList.toggle('is-solution', answer.correct);
    }, this);
    this.fieldset.disabled = true;
    this.checkButton.hidden = true;
    this.retryButton.hidden = false;
    this.trigger('resize');
  };

  return MultipleChoice;
})(H5P.EventDispatcher);
